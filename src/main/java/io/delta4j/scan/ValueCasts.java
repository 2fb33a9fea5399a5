package io.delta4j.scan;

/** Typed access to boxed values (partition values), with errors that name the column. */
final class ValueCasts {
  private ValueCasts() {}

  static <T> T as(Object value, Class<T> type, String column, String columnType) {
    if (value == null) {
      throw new IllegalStateException("Column \"" + column + "\" is null in this row; check isNullAt first.");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "Column \"" + column + "\" is " + columnType + ", not " + type.getSimpleName() + ".");
    }
    return type.cast(value);
  }
}
