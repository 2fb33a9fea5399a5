package io.delta4j.cdf;

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
 * A row of a change data feed: a view of a data file's row (as a scan builds it) with the change
 * columns, which are the same for every row of a file except a {@code cdc} file's change type.
 * Each column comes from {@code sources}: an ordinal of the data row, or one of the change columns.
 */
final class ChangeRow implements Row {
  static final int CHANGE_TYPE = -1;
  static final int COMMIT_VERSION = -2;
  static final int COMMIT_TIMESTAMP = -3;

  private final StructType schema;
  private final int[] sources;
  private final Row data;
  private final String changeType;
  private final long version;
  private final Instant timestamp;

  ChangeRow(StructType schema, int[] sources, Row data, String changeType, long version, Instant timestamp) {
    this.schema = schema;
    this.sources = sources;
    this.data = data;
    this.changeType = changeType;
    this.version = version;
    this.timestamp = timestamp;
  }

  /** The same row with other columns (a projection of this one's sources). */
  ChangeRow project(StructType schema, int[] sources) {
    return new ChangeRow(schema, sources, data, changeType, version, timestamp);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public boolean isNullAt(int i) {
    int s = sources[i];
    return s >= 0 ? data.isNullAt(s) : s == CHANGE_TYPE && changeType == null;
  }

  @Override
  public Object get(int i) {
    return switch (sources[i]) {
      case CHANGE_TYPE -> changeType;
      case COMMIT_VERSION -> version;
      case COMMIT_TIMESTAMP -> timestamp;
      default -> data.get(sources[i]);
    };
  }

  /** The data row's ordinal of column {@code i}; a type mismatch when it is a change column. */
  private int data(int i, String javaType) {
    int s = sources[i];
    if (s < 0) {
      throw new IllegalArgumentException("Column \"" + schema.fields().get(i).name() + "\" is "
          + schema.fields().get(i).type().simpleString() + ", not " + javaType + ".");
    }
    return s;
  }

  @Override
  public boolean getBoolean(int i) {
    return data.getBoolean(data(i, "Boolean"));
  }

  @Override
  public byte getByte(int i) {
    return data.getByte(data(i, "Byte"));
  }

  @Override
  public short getShort(int i) {
    return data.getShort(data(i, "Short"));
  }

  @Override
  public int getInt(int i) {
    return data.getInt(data(i, "Integer"));
  }

  @Override
  public long getLong(int i) {
    return sources[i] == COMMIT_VERSION ? version : data.getLong(data(i, "Long"));
  }

  @Override
  public float getFloat(int i) {
    return data.getFloat(data(i, "Float"));
  }

  @Override
  public double getDouble(int i) {
    return data.getDouble(data(i, "Double"));
  }

  @Override
  public String getString(int i) {
    return sources[i] == CHANGE_TYPE ? changeType : data.getString(data(i, "String"));
  }

  @Override
  public BigDecimal getDecimal(int i) {
    return data.getDecimal(data(i, "BigDecimal"));
  }

  @Override
  public byte[] getBinary(int i) {
    return data.getBinary(data(i, "byte[]"));
  }

  @Override
  public LocalDate getDate(int i) {
    return data.getDate(data(i, "LocalDate"));
  }

  @Override
  public Instant getTimestamp(int i) {
    return sources[i] == COMMIT_TIMESTAMP ? timestamp : data.getTimestamp(data(i, "Instant"));
  }

  @Override
  public LocalDateTime getTimestampNtz(int i) {
    return data.getTimestampNtz(data(i, "LocalDateTime"));
  }

  @Override
  public VariantValue getVariant(int i) {
    return data.getVariant(data(i, "VariantValue"));
  }

  @Override
  public Row getStruct(int i) {
    return data.getStruct(data(i, "Row"));
  }

  @Override
  public List<Object> getList(int i) {
    return data.getList(data(i, "List"));
  }

  @Override
  public Map<Object, Object> getMap(int i) {
    return data.getMap(data(i, "Map"));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < schema.length(); i++) {
      out.append(i == 0 ? "" : ", ").append(schema.fields().get(i).name()).append('=').append(get(i));
    }
    return out.append('}').toString();
  }
}
