package io.delta4j;

import static io.delta4j.StatsParsedCheckpointTest.checkpointAdd;
import static io.delta4j.StatsParsedCheckpointTest.parquetAdd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.schema.GroupType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * delta4j's {@code stats_parsed} and {@code partitionValues_parsed} have the layout of the
 * checkpoints Delta wrote for reference tables: for each, a table of the same schema, partition
 * columns and properties is created, appended to and checkpointed through the public API, and the
 * two Parquet groups are compared field by field (names, nesting, Delta types; physical names are
 * compared through the logical names they map to, since each table has its own).
 */
class StatsParsedLayoutTest {
  /** The properties that shape the typed columns; the rest of the reference table's are not copied. */
  private static final Set<String> SHAPING = Set.of("delta.checkpoint.writeStatsAsJson",
      "delta.enableDeletionVectors", "delta.columnMapping.mode", "delta.dataSkippingNumIndexedCols",
      "delta.dataSkippingStatsColumns");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // Delta 1.2.1 (Databricks): struct stats only; every kind of column, nested structs, map, array
      "delta-rs-data/delta-1.2.1-only-struct-stats, 00000000000000000010.checkpoint.parquet, 10",
      // Databricks, 2026: partitioned, deletion vectors (tightBounds), multi-part
      "kernel-rs-data/data/v1-multi-part-partitioned-struct-stats-only,"
          + " 00000000000000000005.checkpoint.0000000001.0000000003.parquet, 5",
      // Databricks, 2023: JSON and struct stats, deletion vectors
      "delta-rs-data/table_with_deletion_logs, 00000000000000000010.checkpoint.parquet, 10",
      // Delta OSS: partitionValues_parsed only (it writes no stats_parsed), column mapping
      "golden/delta-golden/dv-with-columnmapping, 00000000000000000010.checkpoint.parquet, 10"})
  void sameLayoutAsDelta(String table, String checkpoint, long version) throws IOException {
    Path golden = SharedTables.root().resolve(table);
    GroupType theirs = parquetAdd(SharedTables.file(table + "/_delta_log/" + checkpoint));
    Snapshot reference;
    try (DeltaTable t = DeltaTable.open(golden.toString(), version)) {
      reference = t.snapshot();
    }
    Map<String, String> properties = new HashMap<>(Map.of("delta.checkpoint.writeStatsAsStruct", "true"));
    reference.properties().forEach((k, v) -> {
      if (SHAPING.contains(k)) {
        properties.put(k, v);
      }
    });
    Path path = dir.resolve("t");
    DeltaTable ours = DeltaTable.create(path.toString(), reference.schema(), reference.partitionColumns(), properties);
    ours.newTransaction().append(List.of(sampleRow(reference.schema()))).commit();
    GroupType add = checkpointAdd(path, ours.checkpoint());
    StructType schema = ours.snapshot().schema();

    int compared = 0;
    for (String column : List.of("partitionValues_parsed", "stats_parsed")) {
      if (theirs.containsField(column)) {
        assertTrue(add.containsField(column), column);
        assertEquals(logical(theirs.getType(column).asGroupType(), reference.schema()),
            logical(add.getType(column).asGroupType(), schema), column);
        compared++;
      }
    }
    assertTrue(compared > 0, "the reference checkpoint has typed columns");
  }

  /** The group's Delta types with every physical name replaced by its column's logical name. */
  private static String logical(GroupType group, StructType schema) {
    return StatsParsedCheckpointTest.deltaTypes(group, StatsParsedCheckpointTest.logicalNames(schema));
  }

  /** A row with a value in every top-level column of a primitive type, null elsewhere. */
  private static Map<String, Object> sampleRow(StructType schema) {
    Map<String, Object> row = new HashMap<>();
    for (StructField f : schema.fields()) {
      row.put(f.name(), sample(f.type()));
    }
    return row;
  }

  private static Object sample(DataType type) {
    if (type instanceof DecimalType) {
      return BigDecimal.ONE;
    }
    if (!(type instanceof PrimitiveType p)) {
      return null;
    }
    return switch (p) {
      case BYTE -> (byte) 1;
      case SHORT -> (short) 1;
      case INTEGER -> 1;
      case LONG -> 1L;
      case FLOAT -> 1f;
      case DOUBLE -> 1.0;
      case STRING -> "x";
      case BINARY -> new byte[] {1};
      case BOOLEAN -> true;
      case DATE -> LocalDate.of(2024, 1, 1);
      case TIMESTAMP -> Instant.parse("2024-01-01T00:00:00Z");
      case TIMESTAMP_NTZ -> LocalDateTime.parse("2024-01-01T00:00:00");
      default -> null;
    };
  }
}
