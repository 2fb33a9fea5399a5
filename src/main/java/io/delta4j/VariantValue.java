package io.delta4j;

import java.util.Arrays;
import java.util.Objects;

/**
 * A value of Delta's {@code variant} type in its binary encoding (the Parquet Variant spec): the
 * metadata dictionary and the value bytes. Arrays are copied in and out, so instances are
 * immutable.
 */
public final class VariantValue {
  private final byte[] metadata;
  private final byte[] value;

  public VariantValue(byte[] metadata, byte[] value) {
    this.metadata = Objects.requireNonNull(metadata, "metadata").clone();
    this.value = Objects.requireNonNull(value, "value").clone();
  }

  public byte[] metadata() {
    return metadata.clone();
  }

  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VariantValue v && Arrays.equals(metadata, v.metadata) && Arrays.equals(value, v.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(metadata) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "VariantValue[metadata=" + metadata.length + " bytes, value=" + value.length + " bytes]";
  }
}
