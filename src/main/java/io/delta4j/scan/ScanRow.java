package io.delta4j.scan;

import io.delta4j.Row;
import io.delta4j.VariantValue;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A row of a scan: a view joining a data file's row (read from Parquet, no copies, no boxing)
 * with the file's partition values, in the scan's column order.
 */
final class ScanRow implements Row {
  private final RowLayout layout;
  private final Row data;
  private final Object[] partitions;

  ScanRow(RowLayout layout, Row data, Object[] partitions) {
    this.layout = layout;
    this.data = data;
    this.partitions = partitions;
  }

  @Override
  public StructType schema() {
    return layout.schema();
  }

  private int dataOrdinal(int i) {
    return layout.dataOrdinal(i);
  }

  private <T> T partition(int i, Class<T> type) {
    return ValueCasts.as(partitions[i], type, layout.schema().fields().get(i).name(),
        layout.schema().fields().get(i).type().simpleString());
  }

  @Override
  public boolean isNullAt(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.isNullAt(d) : partitions[i] == null;
  }

  @Override
  public Object get(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.get(d) : partitions[i];
  }

  @Override
  public boolean getBoolean(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getBoolean(d) : partition(i, Boolean.class);
  }

  @Override
  public byte getByte(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getByte(d) : partition(i, Byte.class);
  }

  @Override
  public short getShort(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getShort(d) : partition(i, Short.class);
  }

  @Override
  public int getInt(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getInt(d) : partition(i, Integer.class);
  }

  @Override
  public long getLong(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getLong(d) : partition(i, Long.class);
  }

  @Override
  public float getFloat(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getFloat(d) : partition(i, Float.class);
  }

  @Override
  public double getDouble(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getDouble(d) : partition(i, Double.class);
  }

  @Override
  public String getString(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getString(d) : partition(i, String.class);
  }

  @Override
  public BigDecimal getDecimal(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getDecimal(d) : partition(i, BigDecimal.class);
  }

  @Override
  public byte[] getBinary(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getBinary(d) : partition(i, byte[].class).clone();
  }

  @Override
  public LocalDate getDate(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getDate(d) : partition(i, LocalDate.class);
  }

  @Override
  public Instant getTimestamp(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getTimestamp(d) : partition(i, Instant.class);
  }

  @Override
  public LocalDateTime getTimestampNtz(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getTimestampNtz(d) : partition(i, LocalDateTime.class);
  }

  @Override
  public VariantValue getVariant(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getVariant(d) : partition(i, VariantValue.class);
  }

  @Override
  public Row getStruct(int i) {
    int d = dataOrdinal(i);
    return d >= 0 ? data.getStruct(d) : partition(i, Row.class);
  }

  @Override
  public List<Object> getList(int i) {
    return data.getList(requireData(i));
  }

  @Override
  public Map<Object, Object> getMap(int i) {
    return data.getMap(requireData(i));
  }

  private int requireData(int i) {
    int d = dataOrdinal(i);
    if (d < 0) {
      throw new IllegalArgumentException("Column \"" + layout.schema().fields().get(i).name()
          + "\" is a partition column of type " + layout.schema().fields().get(i).type().simpleString() + ".");
    }
    return d;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < layout.schema().length(); i++) {
      out.append(i == 0 ? "" : ", ").append(layout.schema().fields().get(i).name()).append('=').append(get(i));
    }
    return out.append('}').toString();
  }
}
