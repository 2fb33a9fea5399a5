package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The type of a checkpoint's {@code add.stats_parsed} for a table (PROTOCOL.md, "Checkpoint
 * Schema", "Per-file Statistics"), derived from the data schema as Delta's {@code statsSchema} is,
 * so that it mirrors the statistics delta4j's data writer collects ({@link DataFileStats}):
 * <ul>
 *   <li>{@code numRecords} long;
 *   <li>{@code minValues} and {@code maxValues}: the indexed leaves of skipping-eligible types
 *       (numbers, decimal, date, timestamp, timestamp_ntz, string), each of its column's type;
 *   <li>{@code nullCount}: a long for every indexed leaf (an array, map, boolean or binary too);
 *   <li>{@code tightBounds} boolean, only when the table supports deletion vectors.
 * </ul>
 * Structs are mirrored; a struct with no such leaf is left out, and so is an empty
 * {@code minValues}, {@code maxValues} or {@code nullCount}. Field names are physical names under
 * column mapping; every field is nullable (null: unknown). Void columns hold no statistics.
 */
final class StatsSchema {
  private StatsSchema() {}

  /** The fields under {@code minValues}/{@code maxValues} and under {@code nullCount} of one struct. */
  private record Fields(List<StructField> minMax, List<StructField> nullCount) {}

  /**
   * @param dataSchema the table schema without its partition columns (logical names)
   * @param indexed which leaves have statistics; asked once per leaf in schema order
   */
  static StructType of(StructType dataSchema, ColumnMappingMode mode, IndexedLeaves indexed, boolean tightBounds) {
    Fields columns = fields(dataSchema, new ArrayList<>(), mode, indexed);
    List<StructField> out = new ArrayList<>();
    out.add(field("numRecords", PrimitiveType.LONG));
    if (!columns.minMax.isEmpty()) {
      out.add(new StructField("minValues", new StructType(columns.minMax), true));
      out.add(new StructField("maxValues", new StructType(columns.minMax), true));
    }
    if (!columns.nullCount.isEmpty()) {
      out.add(new StructField("nullCount", new StructType(columns.nullCount), true));
    }
    if (tightBounds) {
      out.add(field("tightBounds", PrimitiveType.BOOLEAN));
    }
    return new StructType(out);
  }

  private static Fields fields(StructType struct, List<String> logical, ColumnMappingMode mode, IndexedLeaves indexed) {
    Fields out = new Fields(new ArrayList<>(), new ArrayList<>());
    for (StructField f : struct.fields()) {
      if (f.type() == PrimitiveType.VOID) {
        continue; // never stored, so never a leaf (as in the data writer)
      }
      String name = mode == ColumnMappingMode.NONE ? f.name() : f.physicalName();
      List<String> path = new ArrayList<>(logical);
      path.add(f.name());
      if (f.type() instanceof StructType nested) {
        Fields inner = fields(nested, path, mode, indexed);
        if (!inner.minMax.isEmpty()) {
          out.minMax.add(new StructField(name, new StructType(inner.minMax), true));
        }
        if (!inner.nullCount.isEmpty()) {
          out.nullCount.add(new StructField(name, new StructType(inner.nullCount), true));
        }
      } else if (indexed.next(path)) {
        out.nullCount.add(field(name, PrimitiveType.LONG));
        if (DataFileStats.eligible(f.type())) {
          out.minMax.add(new StructField(name, f.type(), true));
        }
      }
    }
    return out;
  }

  private static StructField field(String name, PrimitiveType type) {
    return new StructField(name, type, true);
  }
}
