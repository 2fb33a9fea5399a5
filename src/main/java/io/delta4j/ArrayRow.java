package io.delta4j;

import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A row held as an array of values, already of the Java types {@link Row} lists (see
 * {@link Row#of}). Immutable as far as the caller does not change the array it gave.
 */
final class ArrayRow implements Row {
  private final StructType schema;
  private final Object[] values;

  ArrayRow(StructType schema, Object[] values) {
    if (values.length != schema.length()) {
      throw new IllegalArgumentException(
          "A row of " + schema.simpleString() + " needs " + schema.length() + " values, got " + values.length + ".");
    }
    this.schema = schema;
    this.values = values;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  private <T> T as(int i, Class<T> type) {
    Object value = values[i];
    StructField field = schema.fields().get(i);
    if (value == null) {
      throw new IllegalStateException("Column \"" + field.name() + "\" is null in this row; check isNullAt first.");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "Column \"" + field.name() + "\" is " + field.type().simpleString() + ", not " + type.getSimpleName() + ".");
    }
    return type.cast(value);
  }

  @Override
  public boolean isNullAt(int i) {
    return values[i] == null;
  }

  @Override
  public Object get(int i) {
    return values[i];
  }

  @Override
  public boolean getBoolean(int i) {
    return as(i, Boolean.class);
  }

  @Override
  public byte getByte(int i) {
    return as(i, Byte.class);
  }

  @Override
  public short getShort(int i) {
    return as(i, Short.class);
  }

  @Override
  public int getInt(int i) {
    return as(i, Integer.class);
  }

  @Override
  public long getLong(int i) {
    return as(i, Long.class);
  }

  @Override
  public float getFloat(int i) {
    return as(i, Float.class);
  }

  @Override
  public double getDouble(int i) {
    return as(i, Double.class);
  }

  @Override
  public String getString(int i) {
    return values[i] == null ? null : as(i, String.class);
  }

  @Override
  public BigDecimal getDecimal(int i) {
    return values[i] == null ? null : as(i, BigDecimal.class);
  }

  @Override
  public byte[] getBinary(int i) {
    return values[i] == null ? null : as(i, byte[].class);
  }

  @Override
  public LocalDate getDate(int i) {
    return values[i] == null ? null : as(i, LocalDate.class);
  }

  @Override
  public Instant getTimestamp(int i) {
    return values[i] == null ? null : as(i, Instant.class);
  }

  @Override
  public LocalDateTime getTimestampNtz(int i) {
    return values[i] == null ? null : as(i, LocalDateTime.class);
  }

  @Override
  public VariantValue getVariant(int i) {
    return values[i] == null ? null : as(i, VariantValue.class);
  }

  @Override
  public Row getStruct(int i) {
    return values[i] == null ? null : as(i, Row.class);
  }

  @SuppressWarnings("unchecked")
  @Override
  public List<Object> getList(int i) {
    return values[i] == null ? null : as(i, List.class);
  }

  @SuppressWarnings("unchecked")
  @Override
  public Map<Object, Object> getMap(int i) {
    return values[i] == null ? null : as(i, Map.class);
  }

  @Override
  public String toString() {
    return "Row" + Arrays.deepToString(values);
  }
}
