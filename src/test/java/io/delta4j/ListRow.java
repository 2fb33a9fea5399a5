package io.delta4j;

import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row over a list of values of the classes {@link Row} promises, one a field: for rows written in
 * case files, expected results, and evaluating predicates without data files.
 */
public final class ListRow implements Row {
  private final StructType schema;
  private final List<Object> values;

  public ListRow(StructType schema, Object... values) {
    Objects.requireNonNull(schema, "schema");
    if (values.length != schema.length()) {
      throw new IllegalArgumentException(
          schema.length() + " values wanted for " + schema.simpleString() + ": " + Arrays.toString(values));
    }
    this.schema = schema;
    this.values = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
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

  private <T> T as(int ordinal, Class<T> type) {
    Object v = values.get(ordinal);
    if (v == null) {
      throw new IllegalStateException("null at " + ordinal);
    }
    return type.cast(v);
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
    return (String) values.get(ordinal);
  }

  @Override
  public BigDecimal getDecimal(int ordinal) {
    return (BigDecimal) values.get(ordinal);
  }

  @Override
  public byte[] getBinary(int ordinal) {
    return (byte[]) values.get(ordinal);
  }

  @Override
  public LocalDate getDate(int ordinal) {
    return (LocalDate) values.get(ordinal);
  }

  @Override
  public Instant getTimestamp(int ordinal) {
    return (Instant) values.get(ordinal);
  }

  @Override
  public LocalDateTime getTimestampNtz(int ordinal) {
    return (LocalDateTime) values.get(ordinal);
  }

  @Override
  public VariantValue getVariant(int ordinal) {
    return (VariantValue) values.get(ordinal);
  }

  @Override
  public Row getStruct(int ordinal) {
    return (Row) values.get(ordinal);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Object> getList(int ordinal) {
    return (List<Object>) values.get(ordinal);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<Object, Object> getMap(int ordinal) {
    return (Map<Object, Object>) values.get(ordinal);
  }

  @Override
  public String toString() {
    return "ListRow" + values;
  }
}
