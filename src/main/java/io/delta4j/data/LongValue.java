package io.delta4j.data;

import java.util.OptionalLong;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/** A 64-bit integer field; a 32-bit column is widened (some writers narrow small numbers). */
final class LongValue extends ScalarConverter {
  private long value;
  private boolean present;

  @Override
  boolean accepts(Type type) {
    return SchemaChecks.isSingle(type, PrimitiveTypeName.INT64, PrimitiveTypeName.INT32);
  }

  @Override
  String expected() {
    return "a 64-bit integer";
  }

  @Override
  public void reset() {
    present = false;
  }

  boolean isPresent() {
    return present;
  }

  /** The value; only meaningful when {@link #isPresent()}. */
  long get() {
    return value;
  }

  OptionalLong optional() {
    return present ? OptionalLong.of(value) : OptionalLong.empty();
  }

  @Override
  public void addLong(long v) {
    value = v;
    present = true;
  }

  @Override
  public void addInt(int v) {
    addLong(v);
  }
}
