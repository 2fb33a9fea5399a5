package io.delta4j.data;

import java.util.Optional;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/** A boolean field. */
final class BooleanValue extends ScalarConverter {
  private boolean value;
  private boolean present;

  @Override
  boolean accepts(Type type) {
    return SchemaChecks.isSingle(type, PrimitiveTypeName.BOOLEAN);
  }

  @Override
  String expected() {
    return "a boolean";
  }

  @Override
  public void reset() {
    present = false;
  }

  /** The value, or {@code absent} when the field is null. */
  boolean orElse(boolean absent) {
    return present ? value : absent;
  }

  Optional<Boolean> optional() {
    return present ? Optional.of(value) : Optional.empty();
  }

  @Override
  public void addBoolean(boolean v) {
    value = v;
    present = true;
  }
}
