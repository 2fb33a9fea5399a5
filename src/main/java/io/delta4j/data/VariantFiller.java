package io.delta4j.data;

import io.delta4j.VariantValue;
import io.delta4j.types.PrimitiveType;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * A {@code variant}: a group of two binaries, {@code value} and {@code metadata} (PROTOCOL.md,
 * "Variant Data Type"), both required in a non-null variant.
 */
final class VariantFiller extends GroupConverter implements VectorFiller {
  private final String path;
  private final Part[] parts = new Part[2];
  private final Part value = new Part();
  private final Part metadata = new Part();
  private ObjectVector vector;

  /** @param valueFirst whether {@code value} comes before {@code metadata} in the file's group */
  VariantFiller(String path, boolean valueFirst) {
    this.path = path;
    parts[valueFirst ? 0 : 1] = value;
    parts[valueFirst ? 1 : 0] = metadata;
  }

  @Override
  public Converter converter() {
    return this;
  }

  @Override
  public ColumnVector newVector(int capacity) {
    return vector = new ObjectVector(PrimitiveType.VARIANT, capacity);
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return parts[fieldIndex];
  }

  @Override
  public void start() {
    value.bytes = null;
    metadata.bytes = null;
  }

  @Override
  public void end() {
    if (value.bytes == null || metadata.bytes == null) {
      throw DataFileException.malformed(
          "variant column " + path + " has a non-null value whose " + (value.bytes == null ? "value" : "metadata")
              + " is null");
    }
    vector.append(new VariantValue(metadata.bytes, value.bytes));
  }

  /** One of the two binaries, held until the variant ends. */
  private static final class Part extends PrimitiveConverter {
    private byte[] bytes;

    @Override
    public void addBinary(Binary binary) {
      bytes = binary.getBytesUnsafe();
    }
  }
}
