package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.Table;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.KernelInteropTest;
import io.delta4j.Row;
import io.delta4j.conformance.RowCanon;
import io.delta4j.expr.Predicates;
import io.delta4j.log.LogFileNames;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Delta Kernel reads what delta4j writes exactly as delta4j does: the same version and live files
 * (path, size, partition values), the same metadata, and the same rows, which are also exactly the
 * rows written. Each step of each table (appends, overwrites, deletes, a checkpoint) is checked.
 */
class KernelWriteInteropTest {
  static final StructType POINT = StructType.of(
      new StructField("x", PrimitiveType.DOUBLE, true),
      new StructField("label", PrimitiveType.STRING, true));

  static final StructType ALL_TYPES = StructType.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("b", PrimitiveType.BOOLEAN, true),
      new StructField("by", PrimitiveType.BYTE, true),
      new StructField("sh", PrimitiveType.SHORT, true),
      new StructField("i", PrimitiveType.INTEGER, true),
      new StructField("l", PrimitiveType.LONG, true),
      new StructField("f", PrimitiveType.FLOAT, true),
      new StructField("d", PrimitiveType.DOUBLE, true),
      new StructField("money", new DecimalType(10, 2), true),
      new StructField("precise", new DecimalType(38, 18), true),
      new StructField("s", PrimitiveType.STRING, true),
      new StructField("bin", PrimitiveType.BINARY, true),
      new StructField("day", PrimitiveType.DATE, true),
      new StructField("ts", PrimitiveType.TIMESTAMP, true),
      new StructField("ntz", PrimitiveType.TIMESTAMP_NTZ, true),
      new StructField("point", POINT, true),
      new StructField("ints", new ArrayType(PrimitiveType.INTEGER, true), true),
      new StructField("points", new ArrayType(POINT, true), true),
      new StructField("counts", new MapType(PrimitiveType.STRING, PrimitiveType.LONG, true), true),
      new StructField("groups", new MapType(PrimitiveType.INTEGER, new ArrayType(PrimitiveType.STRING, true), true), true));

  /** Partition values that need escaping in paths, in URIs, or both; null last. */
  static final List<String> SPECIAL = Arrays.asList("a:b/c d", "x%y", "=", " spaced out ", "ünï©ødé 日本 🚀", "plain", null);

  static final StructType PARTITIONED = StructType.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("p", PrimitiveType.STRING, true),
      new StructField("n", PrimitiveType.INTEGER, true),
      new StructField("day", PrimitiveType.DATE, true),
      new StructField("ts", PrimitiveType.TIMESTAMP, true),
      new StructField("v", PrimitiveType.STRING, true));
  static final List<String> PARTITION_COLUMNS = List.of("p", "n", "day", "ts");

  static final StructType SIMPLE = StructType.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("name", PrimitiveType.STRING, true),
      new StructField("score", PrimitiveType.DOUBLE, true),
      new StructField("p", PrimitiveType.STRING, true));

  @TempDir Path dir;

  @Test
  void everyTypeAppendedAndOverwritten() throws IOException {
    Path path = dir.resolve("types");
    List<Row> expected = new ArrayList<>();
    try (DeltaTable t = DeltaTable.create(path.toString(), ALL_TYPES, List.of(), Map.of())) {
      List<Row> first = List.of(extremes(1), allNull(2), empties(3), typical(4), typical(5));
      t.newTransaction().append(first).commit();
      expected.addAll(first);
      assertBothRead(path, expected);

      // The same values given as maps, in two calls of one transaction.
      List<Row> second = List.of(typical(6), typical(7), extremes(8));
      t.newTransaction().append(second.subList(0, 2).stream().map(KernelWriteInteropTest::asMap).toList())
          .append(List.of(asMap(second.get(2)))).commit();
      expected.addAll(second);
      assertBothRead(path, expected);

      List<Row> replacement = List.of(typical(9), allNull(10));
      t.newTransaction().overwrite(replacement).commit();
      assertBothRead(path, replacement);
      assertEquals(3, t.version());
    }
  }

  @Test
  void partitionValuesThatNeedEscaping() throws IOException {
    Path path = dir.resolve("partitioned");
    List<Row> expected = new ArrayList<>();
    try (DeltaTable t = DeltaTable.create(path.toString(), PARTITIONED, PARTITION_COLUMNS, Map.of())) {
      for (int round = 0; round < 2; round++) {
        List<Row> rows = partitionedRows(round * 100, 3);
        t.newTransaction().append(rows).commit();
        expected.addAll(rows);
        assertBothRead(path, expected);
      }

      List<Row> replacement = List.of(partitioned(500, "x%y", 5), partitioned(501, "x%y", null));
      t.newTransaction().overwrite(replacement, Predicates.equal("p", "x%y")).commit();
      expected.removeIf(r -> "x%y".equals(r.getString("p")));
      expected.addAll(replacement);
      assertBothRead(path, expected);

      t.newTransaction().delete(Predicates.equal("p", "=")).commit();
      expected.removeIf(r -> "=".equals(r.getString("p")));
      assertBothRead(path, expected);

      t.newTransaction().delete(Predicates.isNull("p")).commit();
      expected.removeIf(r -> r.isNullAt("p"));
      assertBothRead(path, expected);

      assertEquals(5, t.version());
      assertTrue(expected.size() > 20, "rows left: " + expected.size());
    }
  }

  @Test
  void kernelLoadsTheCheckpointDelta4jWroteAtVersionTen() throws IOException {
    Path path = dir.resolve("checkpointed");
    List<Row> expected = new ArrayList<>();
    try (DeltaTable t = DeltaTable.create(path.toString(), PARTITIONED, PARTITION_COLUMNS, Map.of())) {
      for (int v = 1; v <= 12; v++) {
        List<Row> rows = List.of(partitioned(v, SPECIAL.get(v % SPECIAL.size()), v % 3),
            partitioned(1000 + v, SPECIAL.get((v + 3) % SPECIAL.size()), null));
        t.newTransaction().append(rows).commit();
        expected.addAll(rows);
      }
      t.newTransaction().delete(Predicates.equal("p", "plain")).commit();
      expected.removeIf(r -> "plain".equals(r.getString("p")));
    }
    Path log = path.resolve(LogFileNames.LOG_DIR);
    assertTrue(Files.exists(log.resolve(LogFileNames.classicCheckpoint(10))), "checkpoint at 10");
    assertEquals(Optional.of(10L), kernelCheckpoint(path));
    assertBothRead(path, expected);

    // With the commits before it gone, both can only start from the checkpoint.
    for (long v = 0; v < 10; v++) {
      Files.delete(log.resolve(LogFileNames.commit(v)));
    }
    assertEquals(Optional.of(10L), kernelCheckpoint(path));
    assertBothRead(path, expected);
  }

  /**
   * PROTOCOL.md, "Timestamp without timezone (TimestampNtz)": a table with a timestamp_ntz column
   * must list the {@code timestampNtz} reader and writer feature. delta4j creates it with protocol
   * 1/2; Kernel reads it anyway ({@link #everyTypeAppendedAndOverwritten}), stricter readers refuse.
   */
  @Test
  void timestampNtzColumnRequiresItsFeature() {
    StructType schema = StructType.of(new StructField("t", PrimitiveType.TIMESTAMP_NTZ, true));
    try (DeltaTable t = DeltaTable.create(dir.resolve("ntz").toString(), schema, List.of(), Map.of())) {
      assertEquals(3, t.snapshot().protocol().minReaderVersion());
      assertEquals(7, t.snapshot().protocol().minWriterVersion());
      assertTrue(t.snapshot().protocol().readerFeatures().contains("timestampNtz"));
      assertTrue(t.snapshot().protocol().writerFeatures().contains("timestampNtz"));
    }
  }

  /**
   * The reverse direction: Kernel creates a table and appends to it with its own transaction API,
   * delta4j reads it, appends and deletes (files of both writers), and Kernel appends again.
   */
  @Test
  void delta4jWritesToATableKernelWrote() throws IOException {
    Path path = dir.resolve("kernel-written");
    List<String> partitionColumns = List.of("p");
    List<Row> expected = new ArrayList<>(simpleRows(0));
    assertEquals(0, KernelWriter.create(path, SIMPLE, partitionColumns, expected));
    assertBothRead(path, expected);
    List<Row> kernelAppend = simpleRows(100);
    assertEquals(1, KernelWriter.append(path, SIMPLE, partitionColumns, kernelAppend));
    expected.addAll(kernelAppend);
    assertBothRead(path, expected);

    try (DeltaTable t = DeltaTable.open(path.toString())) {
      List<Row> delta4jAppend = simpleRows(200);
      assertEquals(2, t.newTransaction().append(delta4jAppend).commit().version());
      expected.addAll(delta4jAppend);
      assertBothRead(path, expected);
      assertEquals(3, t.newTransaction().delete(Predicates.equal("p", "x%y")).commit().version());
      expected.removeIf(r -> "x%y".equals(r.getString("p")));
      assertBothRead(path, expected);
    }

    List<Row> last = simpleRows(300);
    assertEquals(4, KernelWriter.append(path, SIMPLE, partitionColumns, last));
    expected.addAll(last);
    assertBothRead(path, expected);
  }

  /**
   * Deletes and a replaceWhere that match only some rows of files: marked in deletion vectors
   * (which Kernel applies, and whose ids both report) or written by rewriting the files.
   */
  @ParameterizedTest(name = "deletion vectors {0}")
  @ValueSource(booleans = {true, false})
  void rowLevelDeletes(boolean deletionVectors) throws IOException {
    Path path = dir.resolve("rows");
    List<Row> expected = new ArrayList<>();
    try (DeltaTable t = DeltaTable.create(path.toString(), PARTITIONED, List.of("p"),
        Map.of("delta.enableDeletionVectors", Boolean.toString(deletionVectors)))) {
      for (int round = 0; round < 2; round++) {
        List<Row> rows = partitionedRows(round * 100, 3);
        t.newTransaction().append(rows).commit();
        expected.addAll(rows);
      }
      assertBothRead(path, expected);

      t.newTransaction().delete(Predicates.in("id", 1L, 4L, 102L)).commit();
      expected.removeIf(r -> List.of(1L, 4L, 102L).contains(r.getLong("id")));
      assertBothRead(path, expected);

      // Again in files that already lost rows, and across a partition and a data column.
      t.newTransaction().delete(Predicates.or(Predicates.equal("id", 2L),
          Predicates.and(Predicates.equal("p", "x%y"), Predicates.equal("n", 2)))).commit();
      expected.removeIf(r -> r.getLong("id") == 2L || "x%y".equals(r.getString("p")) && Integer.valueOf(2).equals(r.get("n")));
      assertBothRead(path, expected);

      List<Row> replacement = List.of(partitioned(900, "plain", 1), partitioned(901, "=", 1));
      t.newTransaction().overwrite(replacement, Predicates.equal("n", 1)).commit();
      expected.removeIf(r -> Integer.valueOf(1).equals(r.get("n")));
      expected.addAll(replacement);
      assertBothRead(path, expected);
    }
  }

  @Test
  void columnMappingByName() throws IOException {
    Path path = dir.resolve("mapped");
    List<Row> expected = new ArrayList<>();
    try (DeltaTable t = DeltaTable.create(path.toString(), PARTITIONED, List.of("p"),
        Map.of("delta.columnMapping.mode", "name"))) {
      List<Row> rows = partitionedRows(0, 2);
      t.newTransaction().append(rows).commit();
      expected.addAll(rows);
      assertBothRead(path, expected);
      t.newTransaction().delete(Predicates.equal("p", "x%y")).commit();
      expected.removeIf(r -> "x%y".equals(r.getString("p")));
      assertBothRead(path, expected);
    }
  }

  /** Kernel and delta4j see the same table, and both read exactly {@code expected}. */
  static void assertBothRead(Path table, List<Row> expected) throws IOException {
    KernelInteropTest.assertSameTable(table);
    List<String> want = canonical(expected);
    try (DeltaTable t = DeltaTable.open(table.toString())) {
      List<Row> delta4j = new ArrayList<>();
      try (CloseableIterator<Row> rows = t.snapshot().scan().rows()) {
        rows.forEachRemaining(delta4j::add);
      }
      assertEquals(want, canonical(delta4j), "delta4j's rows");
      assertEquals(want, KernelRows.read(table, t.snapshot().schema()), "Kernel's rows");
    }
  }

  static List<String> canonical(List<Row> rows) {
    RowCanon canon = RowCanon.exact();
    List<String> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(canon.row(r));
    }
    out.sort(null);
    return out;
  }

  private static Optional<Long> kernelCheckpoint(Path table) {
    SnapshotImpl snapshot = (SnapshotImpl) Table.forPath(KernelRows.ENGINE, table.toString())
        .getLatestSnapshot(KernelRows.ENGINE);
    return snapshot.getLogSegment().getCheckpointVersionOpt();
  }

  private static Map<String, Object> asMap(Row row) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i < row.schema().length(); i++) {
      out.put(row.schema().fields().get(i).name(), row.get(i));
    }
    return out;
  }

  /** {@code count} rows in each special partition value, numbered from {@code from}. */
  static List<Row> partitionedRows(long from, int count) {
    List<Row> rows = new ArrayList<>();
    long id = from;
    for (String p : SPECIAL) {
      for (int k = 0; k < count; k++) {
        rows.add(partitioned(id++, p, k == 0 ? null : k));
      }
    }
    return rows;
  }

  /** Two rows in each special partition value of {@link #SIMPLE}, numbered from {@code from}. */
  static List<Row> simpleRows(long from) {
    List<Row> rows = new ArrayList<>();
    long id = from;
    for (String p : SPECIAL) {
      rows.add(Row.of(SIMPLE, id, "name " + id, id / 4.0, p));
      rows.add(Row.of(SIMPLE, id + 1, null, null, p));
      id += 2;
    }
    return rows;
  }

  static Row partitioned(long id, String p, Integer n) {
    LocalDate day = n == null ? null : LocalDate.of(2024, 1, 1).plusDays(n * 40L);
    Instant ts = n == null ? null : Instant.parse("2024-03-10T01:59:59.123456Z").plusSeconds(n * 3600L);
    return Row.of(PARTITIONED, id, p, n, day, ts, "v" + id);
  }

  static Row typical(long id) {
    int k = (int) id;
    return Row.of(ALL_TYPES, id, k % 2 == 0, (byte) k, (short) (k * 100), k * 1000, id * 1_000_000_007L,
        k / 3f, k / 7d, new BigDecimal(k + ".25"), new BigDecimal("12345678901234567890." + k + "00000000000000000"),
        "row " + k, new byte[] {(byte) k, 0, (byte) 0xff}, LocalDate.of(2020, 2, 29).plusDays(k),
        Instant.parse("2024-03-31T01:30:00.000001Z").plusSeconds(k), LocalDateTime.of(2024, 3, 31, 2, 30).plusMinutes(k),
        Row.of(POINT, k * 1.5, "pt" + k),
        List.of(k, k + 1, k + 2), List.of(Row.of(POINT, 1.0 * k, "a"), Row.of(POINT, -1.0 * k, null)),
        Map.of("k" + k, id, "z", -id), Map.of(k, List.of("g" + k)));
  }

  static Row extremes(long id) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("max", Long.MAX_VALUE);
    counts.put("null", null);
    Map<Integer, List<String>> groups = new LinkedHashMap<>();
    groups.put(Integer.MIN_VALUE, Arrays.asList("", null, "\u0000\t\n"));
    groups.put(Integer.MAX_VALUE, null);
    return Row.of(ALL_TYPES, id, true, Byte.MIN_VALUE, Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
        Float.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("-99999999.99"),
        new BigDecimal("99999999999999999999.999999999999999999"), "\"quoted\" \\ ünï©ødé 日本 🚀",
        new byte[0], LocalDate.of(1, 1, 1), Instant.parse("0001-01-01T00:00:00Z"), LocalDateTime.of(1, 1, 1, 0, 0),
        Row.of(POINT, -0.0, ""), Arrays.asList(null, Integer.MAX_VALUE, null), Arrays.asList(null, Row.of(POINT, null, null)),
        counts, groups);
  }

  static Row allNull(long id) {
    Object[] values = new Object[ALL_TYPES.length()];
    values[0] = id;
    return Row.of(ALL_TYPES, values);
  }

  static Row empties(long id) {
    return Row.of(ALL_TYPES, id, false, (byte) 0, (short) 0, 0, 0L, Float.MIN_VALUE, Double.MAX_VALUE,
        new BigDecimal("0.00"), new BigDecimal("-0.000000000000000001"), "", new byte[] {0},
        LocalDate.of(9999, 12, 31), Instant.parse("9999-12-31T23:59:59.999999Z"),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), Row.of(POINT, null, null),
        List.of(), List.of(), Map.of(), Map.of());
  }
}
