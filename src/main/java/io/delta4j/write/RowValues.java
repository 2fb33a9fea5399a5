package io.delta4j.write;

import io.delta4j.Row;
import io.delta4j.types.StructField;
import java.util.List;
import java.util.Optional;

/** Reads a row's values by column name, as the table schema names them. */
final class RowValues {
  private RowValues() {}

  /**
   * The value of the field {@code name} (exact name first, then ignoring case, as Delta resolves
   * columns); null when the value is null or the row has no such field, which a writer stores as
   * null.
   */
  static Object get(Row row, String name) {
    int i = row.schema().indexOf(name);
    if (i < 0) {
      Optional<StructField> field = row.schema().fieldIgnoreCase(name);
      if (field.isEmpty()) {
        return null;
      }
      i = row.schema().indexOf(field.get().name());
    }
    return row.isNullAt(i) ? null : row.get(i);
  }

  /** The value at a path of struct fields; null when it, or a struct above it, is null. */
  static Object get(Row row, List<String> path) {
    Object value = row;
    for (String name : path) {
      if (!(value instanceof Row struct)) {
        return null;
      }
      value = get(struct, name);
    }
    return value;
  }
}
