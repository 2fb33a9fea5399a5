package io.delta4j.expr;

import io.delta4j.Row;
import io.delta4j.types.StructType;
import java.util.List;

/**
 * Reads a bound predicate's columns from rows of one schema by ordinal, so that evaluating a row
 * costs no name lookups. Built for the schema of the first row seen and rebuilt when a row with
 * another schema object comes.
 */
final class RowAccess {
  private final StructType schema;
  private final int[][] ordinals; // per column, the ordinal at each level of its path

  RowAccess(StructType schema, List<BoundColumn> columns) {
    this.schema = schema;
    this.ordinals = new int[columns.size()][];
    for (int c = 0; c < columns.size(); c++) {
      List<String> path = columns.get(c).logicalPath();
      int[] levels = new int[path.size()];
      StructType struct = schema;
      for (int i = 0; i < path.size(); i++) {
        levels[i] = ordinal(struct, path.get(i), columns.get(c));
        if (i + 1 < path.size()) {
          if (!(struct.fields().get(levels[i]).type() instanceof StructType nested)) {
            throw missing(columns.get(c), schema);
          }
          struct = nested;
        }
      }
      ordinals[c] = levels;
    }
  }

  boolean isFor(StructType rowSchema) {
    return rowSchema == schema;
  }

  /** The column's value in the row; null when it or a struct above it is null. */
  Object value(Row row, int column) {
    int[] path = ordinals[column];
    Row current = row;
    for (int i = 0; i < path.length - 1; i++) {
      if (current.isNullAt(path[i])) {
        return null;
      }
      current = current.getStruct(path[i]);
    }
    int last = path[path.length - 1];
    return current.isNullAt(last) ? null : current.get(last);
  }

  private static int ordinal(StructType struct, String name, BoundColumn column) {
    int i = struct.indexOf(name);
    if (i < 0) {
      i = struct.fieldIgnoreCase(name).map(f -> struct.indexOf(f.name())).orElse(-1);
    }
    if (i < 0) {
      throw missing(column, struct);
    }
    return i;
  }

  private static IllegalArgumentException missing(BoundColumn column, StructType struct) {
    return new IllegalArgumentException(
        "The row has no column \"" + column.name() + "\" (it has " + struct.fieldNames()
            + "); a filtered scan must read every column its predicate uses.");
  }
}
