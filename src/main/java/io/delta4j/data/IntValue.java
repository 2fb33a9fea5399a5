package io.delta4j.data;

import java.util.OptionalInt;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/** A 32-bit integer field; a 64-bit column is accepted when its values fit. */
final class IntValue extends ScalarConverter {
  private int value;
  private boolean present;

  @Override
  boolean accepts(Type type) {
    return SchemaChecks.isSingle(type, PrimitiveTypeName.INT32, PrimitiveTypeName.INT64);
  }

  @Override
  String expected() {
    return "a 32-bit integer";
  }

  @Override
  public void reset() {
    present = false;
  }

  boolean isPresent() {
    return present;
  }

  /** The value; only meaningful when {@link #isPresent()}. */
  int get() {
    return value;
  }

  OptionalInt optional() {
    return present ? OptionalInt.of(value) : OptionalInt.empty();
  }

  @Override
  public void addInt(int v) {
    value = v;
    present = true;
  }

  @Override
  public void addLong(long v) {
    if (v != (int) v) {
      throw new MalformedActionException("column " + path() + " holds " + v + ", which does not fit a 32-bit integer");
    }
    addInt((int) v);
  }
}
