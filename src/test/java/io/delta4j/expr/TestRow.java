package io.delta4j.expr;

import io.delta4j.Row;
import io.delta4j.VariantValue;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A row over an array of values, for evaluating predicates without data files. */
final class TestRow implements Row {
  private final StructType schema;
  private final Object[] values;

  TestRow(StructType schema, Object... values) {
    if (values.length != schema.length()) {
      throw new IllegalArgumentException("expected " + schema.length() + " values: " + Arrays.toString(values));
    }
    this.schema = schema;
    this.values = values.clone();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public boolean isNullAt(int ordinal) {
    return values[ordinal] == null;
  }

  @Override
  public Object get(int ordinal) {
    return values[ordinal];
  }

  private <T> T as(int ordinal, Class<T> type) {
    if (values[ordinal] == null) {
      throw new IllegalStateException("null at " + ordinal);
    }
    return type.cast(values[ordinal]);
  }

  @Override
  public boolean getBoolean(int ordinal) {
    return as(ordinal, Boolean.class);
  }

  @Override
  public byte getByte(int ordinal) {
    return as(ordinal, Byte.class);
  }

  @Override
  public short getShort(int ordinal) {
    return as(ordinal, Short.class);
  }

  @Override
  public int getInt(int ordinal) {
    return as(ordinal, Integer.class);
  }

  @Override
  public long getLong(int ordinal) {
    return as(ordinal, Long.class);
  }

  @Override
  public float getFloat(int ordinal) {
    return as(ordinal, Float.class);
  }

  @Override
  public double getDouble(int ordinal) {
    return as(ordinal, Double.class);
  }

  @Override
  public String getString(int ordinal) {
    return (String) values[ordinal];
  }

  @Override
  public BigDecimal getDecimal(int ordinal) {
    return (BigDecimal) values[ordinal];
  }

  @Override
  public byte[] getBinary(int ordinal) {
    return (byte[]) values[ordinal];
  }

  @Override
  public LocalDate getDate(int ordinal) {
    return (LocalDate) values[ordinal];
  }

  @Override
  public Instant getTimestamp(int ordinal) {
    return (Instant) values[ordinal];
  }

  @Override
  public LocalDateTime getTimestampNtz(int ordinal) {
    return (LocalDateTime) values[ordinal];
  }

  @Override
  public VariantValue getVariant(int ordinal) {
    return (VariantValue) values[ordinal];
  }

  @Override
  public Row getStruct(int ordinal) {
    return (Row) values[ordinal];
  }

  @SuppressWarnings("unchecked")
  @Override
  public List<Object> getList(int ordinal) {
    return (List<Object>) values[ordinal];
  }

  @SuppressWarnings("unchecked")
  @Override
  public Map<Object, Object> getMap(int ordinal) {
    return (Map<Object, Object>) values[ordinal];
  }
}
