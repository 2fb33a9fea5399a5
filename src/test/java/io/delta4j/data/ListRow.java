package io.delta4j.data;

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

/** A row built from values, for expected results in tests (only {@link #get} is needed by {@link Plain}). */
final class ListRow implements Row {
  private final StructType schema;
  private final List<Object> values;

  ListRow(StructType schema, Object... values) {
    this.schema = schema;
    this.values = Arrays.asList(values);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public boolean isNullAt(int ordinal) {
    return values.get(ordinal) == null;
  }

  @Override
  public Object get(int ordinal) {
    return values.get(ordinal);
  }

  @Override
  public boolean getBoolean(int ordinal) {
    return (Boolean) get(ordinal);
  }

  @Override
  public byte getByte(int ordinal) {
    return (Byte) get(ordinal);
  }

  @Override
  public short getShort(int ordinal) {
    return (Short) get(ordinal);
  }

  @Override
  public int getInt(int ordinal) {
    return (Integer) get(ordinal);
  }

  @Override
  public long getLong(int ordinal) {
    return (Long) get(ordinal);
  }

  @Override
  public float getFloat(int ordinal) {
    return (Float) get(ordinal);
  }

  @Override
  public double getDouble(int ordinal) {
    return (Double) get(ordinal);
  }

  @Override
  public String getString(int ordinal) {
    return (String) get(ordinal);
  }

  @Override
  public BigDecimal getDecimal(int ordinal) {
    return (BigDecimal) get(ordinal);
  }

  @Override
  public byte[] getBinary(int ordinal) {
    return (byte[]) get(ordinal);
  }

  @Override
  public LocalDate getDate(int ordinal) {
    return (LocalDate) get(ordinal);
  }

  @Override
  public Instant getTimestamp(int ordinal) {
    return (Instant) get(ordinal);
  }

  @Override
  public LocalDateTime getTimestampNtz(int ordinal) {
    return (LocalDateTime) get(ordinal);
  }

  @Override
  public VariantValue getVariant(int ordinal) {
    return (VariantValue) get(ordinal);
  }

  @Override
  public Row getStruct(int ordinal) {
    return (Row) get(ordinal);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Object> getList(int ordinal) {
    return (List<Object>) get(ordinal);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<Object, Object> getMap(int ordinal) {
    return (Map<Object, Object>) get(ordinal);
  }
}
