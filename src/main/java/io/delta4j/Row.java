package io.delta4j;

import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One row of table data, with logical column names. Values have these Java types, by Delta type:
 * boolean {@link Boolean}, byte {@link Byte}, short {@link Short}, integer {@link Integer}, long
 * {@link Long}, float {@link Float}, double {@link Double}, decimal {@link BigDecimal}, string
 * {@link String}, binary {@code byte[]}, date {@link LocalDate}, timestamp {@link Instant},
 * timestamp_ntz {@link LocalDateTime}, variant {@link VariantValue}, struct {@link Row}, array
 * {@link List}, map {@link Map}; null for a null value.
 *
 * <p>The primitive getters avoid boxing; on a null value they throw {@link IllegalStateException}
 * (check {@link #isNullAt} first). A getter that does not match the column's type throws
 * {@link IllegalArgumentException} naming the column and its type. A row from a scan iterator
 * stays valid after the iterator moves on.
 */
public interface Row {
  /**
   * A row of {@code schema} holding {@code values} in field order, each of the Java type listed
   * above for its column, or null (a nested struct is itself a {@code Row}). This is how rows are
   * built for {@link Transaction#append}; the values are checked against the types when written.
   */
  static Row of(StructType schema, Object... values) {
    return new ArrayRow(schema, values.clone());
  }

  /** The schema of this row (logical names). */
  StructType schema();

  /** The position of the column {@code name}; {@link IllegalArgumentException} when absent. */
  default int ordinal(String name) {
    int i = schema().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "Field \"" + name + "\" does not exist; the row has " + schema().fieldNames() + ".");
    }
    return i;
  }

  boolean isNullAt(int ordinal);

  /** The value as an object of the type listed above, or null. */
  Object get(int ordinal);

  boolean getBoolean(int ordinal);

  byte getByte(int ordinal);

  short getShort(int ordinal);

  int getInt(int ordinal);

  long getLong(int ordinal);

  float getFloat(int ordinal);

  double getDouble(int ordinal);

  String getString(int ordinal);

  BigDecimal getDecimal(int ordinal);

  byte[] getBinary(int ordinal);

  LocalDate getDate(int ordinal);

  Instant getTimestamp(int ordinal);

  LocalDateTime getTimestampNtz(int ordinal);

  VariantValue getVariant(int ordinal);

  Row getStruct(int ordinal);

  List<Object> getList(int ordinal);

  Map<Object, Object> getMap(int ordinal);

  default boolean isNullAt(String name) {
    return isNullAt(ordinal(name));
  }

  default Object get(String name) {
    return get(ordinal(name));
  }

  default boolean getBoolean(String name) {
    return getBoolean(ordinal(name));
  }

  default byte getByte(String name) {
    return getByte(ordinal(name));
  }

  default short getShort(String name) {
    return getShort(ordinal(name));
  }

  default int getInt(String name) {
    return getInt(ordinal(name));
  }

  default long getLong(String name) {
    return getLong(ordinal(name));
  }

  default float getFloat(String name) {
    return getFloat(ordinal(name));
  }

  default double getDouble(String name) {
    return getDouble(ordinal(name));
  }

  default String getString(String name) {
    return getString(ordinal(name));
  }

  default BigDecimal getDecimal(String name) {
    return getDecimal(ordinal(name));
  }

  default byte[] getBinary(String name) {
    return getBinary(ordinal(name));
  }

  default LocalDate getDate(String name) {
    return getDate(ordinal(name));
  }

  default Instant getTimestamp(String name) {
    return getTimestamp(ordinal(name));
  }

  default LocalDateTime getTimestampNtz(String name) {
    return getTimestampNtz(ordinal(name));
  }

  default VariantValue getVariant(String name) {
    return getVariant(ordinal(name));
  }

  default Row getStruct(String name) {
    return getStruct(ordinal(name));
  }

  default List<Object> getList(String name) {
    return getList(ordinal(name));
  }

  default Map<Object, Object> getMap(String name) {
    return getMap(ordinal(name));
  }
}
