package io.delta4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.AddFile;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of tables with {@code delta.checkpoint.writeStatsAsStruct=true}, written through the
 * public API: their {@code stats_parsed} and {@code partitionValues_parsed} columns have the layout
 * Delta writes, and delta4j and Delta Kernel read the table from them as from the commits.
 */
class StatsParsedCheckpointTest {
  static final Map<String, String> STRUCT = Map.of("delta.checkpoint.writeStatsAsStruct", "true");
  static final Map<String, String> STRUCT_ONLY =
      Map.of("delta.checkpoint.writeStatsAsStruct", "true", "delta.checkpoint.writeStatsAsJson", "false");

  static final StructType ALL_TYPES = new StructType(List.of(
      new StructField("p_date", PrimitiveType.DATE, true),
      new StructField("p_str", PrimitiveType.STRING, true),
      new StructField("b", PrimitiveType.BYTE, true),
      new StructField("s", PrimitiveType.SHORT, true),
      new StructField("i", PrimitiveType.INTEGER, false),
      new StructField("l", PrimitiveType.LONG, true),
      new StructField("f", PrimitiveType.FLOAT, true),
      new StructField("d", PrimitiveType.DOUBLE, true),
      new StructField("dec9", new DecimalType(8, 5), true),
      new StructField("dec18", new DecimalType(18, 3), true),
      new StructField("dec38", new DecimalType(30, 4), true),
      new StructField("str", PrimitiveType.STRING, true),
      new StructField("bin", PrimitiveType.BINARY, true),
      new StructField("bool", PrimitiveType.BOOLEAN, true),
      new StructField("dt", PrimitiveType.DATE, true),
      new StructField("ts", PrimitiveType.TIMESTAMP, true),
      new StructField("ntz", PrimitiveType.TIMESTAMP_NTZ, true),
      new StructField("st", new StructType(List.of(
          new StructField("a", PrimitiveType.INTEGER, true),
          new StructField("inner", new StructType(List.of(
              new StructField("c", PrimitiveType.STRING, true),
              new StructField("flag", PrimitiveType.BOOLEAN, true))), true))), true),
      new StructField("arr", new ArrayType(PrimitiveType.INTEGER, true), true),
      new StructField("m", new MapType(PrimitiveType.STRING, PrimitiveType.INTEGER, true), true)));

  /** Delta's stats_parsed for ALL_TYPES: min/max for eligible leaves, nullCount for every leaf. */
  static final String ALL_TYPES_STATS = "{numRecords:long,"
      + " minValues:{b:byte, s:short, i:integer, l:long, f:float, d:double, dec9:decimal(8,5), dec18:decimal(18,3),"
      + " dec38:decimal(30,4), str:string, dt:date, ts:timestamp, ntz:timestamp_ntz, st:{a:integer, inner:{c:string}}},"
      + " maxValues:{b:byte, s:short, i:integer, l:long, f:float, d:double, dec9:decimal(8,5), dec18:decimal(18,3),"
      + " dec38:decimal(30,4), str:string, dt:date, ts:timestamp, ntz:timestamp_ntz, st:{a:integer, inner:{c:string}}},"
      + " nullCount:{b:long, s:long, i:long, l:long, f:long, d:long, dec9:long, dec18:long, dec38:long, str:long,"
      + " bin:long, bool:long, dt:long, ts:long, ntz:long, st:{a:long, inner:{c:long, flag:long}}, arr:long, m:long}}";

  @TempDir Path dir;

  static Map<String, Object> row(int n, String date, String part) {
    Map<String, Object> r = new HashMap<>();
    r.put("p_date", LocalDate.parse(date));
    r.put("p_str", part);
    r.put("b", (byte) n);
    r.put("s", (short) (n * 100));
    r.put("i", n * 1000);
    r.put("l", n * 1_000_000_000L);
    r.put("f", n + 0.5f);
    r.put("d", n / 3.0);
    r.put("dec9", new BigDecimal(n + ".12345"));
    r.put("dec18", new BigDecimal(n + "000000000.125"));
    r.put("dec38", new BigDecimal("-" + n + "0000000000000000000.0001"));
    r.put("str", n % 4 == 0 ? null : "s" + n + "-é");
    r.put("bin", new byte[] {(byte) n});
    r.put("bool", n % 2 == 0);
    r.put("dt", LocalDate.of(2024, 1, 1).plusDays(n));
    r.put("ts", Instant.parse("2024-03-01T10:00:00.123456Z").plusSeconds(n * 3600L));
    r.put("ntz", LocalDateTime.parse("2024-03-01T10:00:00.250").plusMinutes(n));
    r.put("st", n % 3 == 0 ? null : Map.of("a", n, "inner", Map.of("c", "c" + n, "flag", true)));
    r.put("arr", List.of(n, n + 1));
    r.put("m", Map.of("k", n));
    return r;
  }

  /** Three commits of two files each (one per partition), ids 0-29. */
  private DeltaTable allTypesTable(Path path, Map<String, String> properties) {
    DeltaTable t = DeltaTable.create(path.toString(), ALL_TYPES, List.of("p_date", "p_str"), properties);
    for (int c = 0; c < 3; c++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int n = c * 10; n < c * 10 + 10; n++) {
        rows.add(row(n, "2024-0" + (c + 1) + "-01", n % 2 == 0 ? "even" : "odd"));
      }
      t.newTransaction().append(rows).commit();
    }
    return t;
  }

  static final List<Predicate> FILTERS = List.of(
      Predicates.parse("i > 25000"),
      Predicates.parse("l < 5000000000"),
      Predicates.parse("str = 's13-é'"),
      Predicates.parse("dt >= DATE '2024-01-25'"),
      Predicates.parse("ts < TIMESTAMP '2024-03-01T15:00:00Z'"),
      Predicates.parse("ntz > TIMESTAMP_NTZ '2024-03-01 10:25:00'"),
      Predicates.parse("dec9 < 3.5"),
      Predicates.parse("dec18 = 7000000000.125"),
      Predicates.parse("p_str = 'odd' AND i < 3000"),
      Predicates.parse("st.a = 11"),
      Predicates.parse("str IS NULL"));

  @Test
  void allTypesPartitionedAndNested() throws IOException {
    Path path = dir.resolve("t");
    DeltaTable t = allTypesTable(path, STRUCT);
    Snapshot before = t.snapshot();
    Map<String, List<String>> scansBefore = scans(before);
    long version = t.checkpoint();
    GroupType add = checkpointAdd(path, version);

    assertEquals(ALL_TYPES_STATS, deltaTypes(add.getType("stats_parsed").asGroupType()));
    assertEquals("{p_date:date, p_str:string}", deltaTypes(add.getType("partitionValues_parsed").asGroupType()));
    assertTrue(add.containsField("stats"));
    assertEquals(List.of("clusteringProvider", "partitionValues_parsed", "stats_parsed"),
        names(add).subList(names(add).size() - 3, names(add).size()), "Delta's order");

    List<AddFile> written = adds(before); // before the commits it streams them from are deleted
    deleteCommitsBefore(path, version);
    try (DeltaTable reopened = DeltaTable.open(path.toString())) {
      Snapshot after = reopened.snapshot();
      assertEquals(written, adds(after), "the JSON stats are kept and read back as they were");
      assertEquals(scansBefore, scans(after));
    }
    KernelInteropTest.assertSameTable(path);
    assertKernelSkipsLikeDelta4j(path);
  }

  @Test
  void columnMappingNamesTheColumnsPhysically() throws IOException {
    Path path = dir.resolve("t");
    Map<String, String> properties = new HashMap<>(STRUCT);
    properties.put("delta.columnMapping.mode", "name");
    DeltaTable t = allTypesTable(path, properties);
    Snapshot before = t.snapshot();
    Map<String, List<String>> scansBefore = scans(before);
    long version = t.checkpoint();
    GroupType add = checkpointAdd(path, version);
    StructType schema = before.schema();
    String i = schema.field("i").orElseThrow().physicalName();
    String inner = ((StructType) schema.field("st").orElseThrow().type()).field("inner").orElseThrow().physicalName();
    assertTrue(i.startsWith("col-"), i);

    GroupType stats = add.getType("stats_parsed").asGroupType();
    assertTrue(stats.getType("minValues").asGroupType().containsField(i));
    assertTrue(stats.getType("nullCount").asGroupType().getType(schema.field("st").orElseThrow().physicalName())
        .asGroupType().containsField(inner));
    assertEquals(ALL_TYPES_STATS, deltaTypes(stats, logicalNames(schema)));
    assertEquals(List.of(schema.field("p_date").orElseThrow().physicalName(),
        schema.field("p_str").orElseThrow().physicalName()), names(add.getType("partitionValues_parsed").asGroupType()));

    List<AddFile> written = adds(before); // before the commits it streams them from are deleted
    deleteCommitsBefore(path, version);
    try (DeltaTable reopened = DeltaTable.open(path.toString())) {
      assertEquals(written, adds(reopened.snapshot()));
      assertEquals(scansBefore, scans(reopened.snapshot()));
    }
    KernelInteropTest.assertSameTable(path);
    assertKernelSkipsLikeDelta4j(path);
  }

  @Test
  void v2SidecarsCarryTheTypedColumns() throws IOException {
    Path path = dir.resolve("t");
    Map<String, String> properties = new HashMap<>(STRUCT);
    properties.put("delta.checkpointPolicy", "v2");
    DeltaTable t = allTypesTable(path, properties);
    assertTrue(t.snapshot().protocol().writerFeatures().contains("v2Checkpoint"));
    Map<String, List<String>> scansBefore = scans(t.snapshot());
    long version = t.checkpoint(CheckpointOptions.defaults().withActionsPerSidecar(4));
    List<Path> sidecars;
    try (Stream<Path> files = Files.list(path.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.SIDECAR_DIR))) {
      sidecars = files.sorted().toList();
    }
    assertEquals(2, sidecars.size(), "6 adds, 4 per sidecar");
    for (Path sidecar : sidecars) {
      GroupType add = parquetAdd(sidecar);
      assertEquals(ALL_TYPES_STATS, deltaTypes(add.getType("stats_parsed").asGroupType()));
      assertEquals("{p_date:date, p_str:string}", deltaTypes(add.getType("partitionValues_parsed").asGroupType()));
    }
    deleteCommitsBefore(path, version);
    try (DeltaTable reopened = DeltaTable.open(path.toString())) {
      assertEquals(scansBefore, scans(reopened.snapshot()));
    }
    KernelInteropTest.assertSameTable(path);
    assertKernelSkipsLikeDelta4j(path);
  }

  @Test
  void structOnlyStatsMeanTheSameAsTheJson() throws IOException {
    Path path = dir.resolve("t");
    DeltaTable t = allTypesTable(path, STRUCT_ONLY);
    Snapshot before = t.snapshot();
    Map<String, List<String>> scansBefore = scans(before);
    long version = t.checkpoint();
    GroupType add = checkpointAdd(path, version);
    assertFalse(add.containsField("stats"));
    assertEquals(ALL_TYPES_STATS, deltaTypes(add.getType("stats_parsed").asGroupType()));

    Map<String, AddFile> written = byPath(adds(before)); // before the commits it streams them from are deleted
    deleteCommitsBefore(path, version);
    try (DeltaTable reopened = DeltaTable.open(path.toString())) {
      Snapshot after = reopened.snapshot();
      Map<String, AddFile> read = byPath(adds(after));
      assertEquals(written.keySet(), read.keySet());
      for (AddFile a : written.values()) {
        AddFile b = read.get(a.path());
        assertEquals(a.partitionValues(), b.partitionValues());
        assertEquals(a.size(), b.size());
        // stats rendered back from stats_parsed: the same values (delta4j's reader renders a
        // timestamp_ntz with a Z, as the Parquet annotation cannot tell it from a timestamp)
        Object expected = parse(a.stats().orElseThrow());
        Object actual = withoutZ(parse(b.stats().orElseThrow()), "ntz");
        assertEquals(expected, actual, a.path());
      }
      assertEquals(scansBefore, scans(after), "the same files skipped");
    }
    KernelInteropTest.assertSameTable(path);
    assertKernelSkipsNothing(path);
  }

  // ---- helpers

  static List<AddFile> adds(Snapshot s) {
    List<AddFile> out = new ArrayList<>();
    try (CloseableIterator<AddFile> it = s.addFiles()) {
      it.forEachRemaining(a -> out.add(new AddFile(a.path(), a.partitionValues(), a.size(), a.modificationTime(),
          false, a.stats(), a.tags(), a.deletionVector(), a.baseRowId(), a.defaultRowCommitVersion(),
          a.clusteringProvider())));
    }
    out.sort((x, y) -> x.path().compareTo(y.path()));
    return out;
  }

  static Map<String, AddFile> byPath(List<AddFile> adds) {
    Map<String, AddFile> out = new TreeMap<>();
    adds.forEach(a -> out.put(a.path(), a));
    return out;
  }

  /** For each filter, the files the scan keeps and the number of rows it returns. */
  static Map<String, List<String>> scans(Snapshot s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Predicate p : FILTERS) {
      List<String> files = new ArrayList<>(s.scan().filter(p).files().stream().map(ScanFile::path).sorted().toList());
      files.add("rows=" + s.scan().filter(p).count());
      out.put(p.toString(), files);
    }
    return out;
  }

  static void deleteCommitsBefore(Path table, long version) throws IOException {
    Path log = table.resolve(LogFileNames.LOG_DIR);
    for (long v = 0; v < version; v++) {
      Files.delete(log.resolve(LogFileNames.commit(v)));
      Files.deleteIfExists(log.resolve(LogFileNames.paddedVersion(v) + ".crc"));
    }
  }

  static GroupType checkpointAdd(Path table, long version) throws IOException {
    return parquetAdd(table.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.classicCheckpoint(version)));
  }

  static GroupType parquetAdd(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder().build())) {
      return r.getFooter().getFileMetaData().getSchema().getType("add").asGroupType();
    }
  }

  /** Maps each physical name of {@code schema}, at any depth, to its logical name; other names stay. */
  static UnaryOperator<String> logicalNames(StructType schema) {
    Map<String, String> names = new HashMap<>();
    collectNames(schema, names);
    return n -> names.getOrDefault(n, n);
  }

  private static void collectNames(StructType struct, Map<String, String> out) {
    for (StructField f : struct.fields()) {
      out.put(f.physicalName(), f.name());
      if (f.type() instanceof StructType nested) {
        collectNames(nested, out);
      }
    }
  }

  static List<String> names(GroupType g) {
    return g.getFields().stream().map(Type::getName).toList();
  }

  /**
   * A Parquet group as Delta types ({@code {name:type, ...}}), so that two encodings of one Delta
   * type compare equal (Spark's INT96 and INT64 micros for timestamp). Every field must be optional.
   */
  static String deltaTypes(GroupType group) {
    return deltaTypes(group, UnaryOperator.identity());
  }

  /** As {@link #deltaTypes(GroupType)}, each field named by {@code rename}. */
  static String deltaTypes(GroupType group, UnaryOperator<String> rename) {
    List<String> fields = new ArrayList<>();
    for (Type f : group.getFields()) {
      assertEquals(Type.Repetition.OPTIONAL, f.getRepetition(), f.getName());
      fields.add(rename.apply(f.getName()) + ":"
          + (f.isPrimitive() ? deltaType(f.asPrimitiveType()) : deltaTypes(f.asGroupType(), rename)));
    }
    return "{" + String.join(", ", fields) + "}";
  }

  private static String deltaType(org.apache.parquet.schema.PrimitiveType t) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    return switch (t.getPrimitiveTypeName()) {
      case BOOLEAN -> "boolean";
      case INT32 -> a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? "date"
          : a instanceof IntLogicalTypeAnnotation i && i.getBitWidth() == 8 ? "byte"
          : a instanceof IntLogicalTypeAnnotation i && i.getBitWidth() == 16 ? "short" : "integer";
      case INT64 -> a instanceof TimestampLogicalTypeAnnotation ts
          ? (ts.isAdjustedToUTC() ? "timestamp" : "timestamp_ntz") : "long";
      case INT96 -> "timestamp";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case BINARY -> a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? "string" : "binary";
      case FIXED_LEN_BYTE_ARRAY -> "fixed";
    };
  }

  static Object parse(String json) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      p.nextToken();
      return JsonValues.read(p);
    }
  }

  /** {@code value} with the trailing Z dropped from the string leaves named {@code name}. */
  @SuppressWarnings("unchecked")
  static Object withoutZ(Object value, String name) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k,
          k.equals(name) && v instanceof String s && s.endsWith("Z") ? s.substring(0, s.length() - 1) : withoutZ(v, name)));
      return out;
    }
    return value;
  }

  // ---- Kernel

  /** Filters both libraries can express, Kernel's and delta4j's form. */
  static Map<io.delta.kernel.expressions.Predicate, Predicate> kernelFilters() {
    return Map.of(
        kernelCompare(">", "i", Literal.ofInt(25000)), Predicates.parse("i > 25000"),
        kernelCompare("<", "l", Literal.ofLong(5_000_000_000L)), Predicates.parse("l < 5000000000"),
        kernelCompare("=", "str", Literal.ofString("s13-é")), Predicates.parse("str = 's13-é'"));
  }

  /** Kernel's filtered scans keep what delta4j's do: the files' stats are read the same. */
  static void assertKernelSkipsLikeDelta4j(Path table) throws IOException {
    try (DeltaTable t = DeltaTable.open(table.toString())) {
      for (Map.Entry<io.delta.kernel.expressions.Predicate, Predicate> c : kernelFilters().entrySet()) {
        Set<String> ours = new TreeSet<>();
        t.snapshot().scan().filter(c.getValue()).files().forEach(f -> ours.add(f.location().getPath()));
        assertTrue(ours.size() < 6, "delta4j skips files for " + c.getValue());
        assertEquals(ours, kernelFiles(table, c.getKey()), c.getValue().toString());
      }
    }
  }

  /**
   * Kernel 4.4.0 skips by the JSON {@code stats} only: without them it keeps every file, which is
   * correct, only slower. Should a Kernel release read {@code stats_parsed}, this fails and the
   * check becomes {@link #assertKernelSkipsLikeDelta4j}.
   */
  static void assertKernelSkipsNothing(Path table) throws IOException {
    for (io.delta.kernel.expressions.Predicate p : kernelFilters().keySet()) {
      assertEquals(6, kernelFiles(table, p).size(), p.toString());
    }
  }

  /** The paths of the files a filtered Kernel scan keeps. */
  static Set<String> kernelFiles(Path table, io.delta.kernel.expressions.Predicate filter) throws IOException {
    io.delta.kernel.Snapshot snapshot =
        io.delta.kernel.Table.forPath(KernelEngine.ENGINE, table.toString()).getLatestSnapshot(KernelEngine.ENGINE);
    Set<String> out = new TreeSet<>();
    var scan = snapshot.getScanBuilder().withFilter(filter).build();
    try (io.delta.kernel.utils.CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(KernelEngine.ENGINE)) {
      while (batches.hasNext()) {
        try (io.delta.kernel.utils.CloseableIterator<io.delta.kernel.data.Row> rows = batches.next().getRows()) {
          rows.forEachRemaining(r -> out.add(java.net.URI.create(InternalScanFileUtils.getAddFileStatus(r).getPath()).getPath()));
        }
      }
    }
    return out;
  }

  private static io.delta.kernel.expressions.Predicate kernelCompare(String op, String column, Literal value) {
    return new io.delta.kernel.expressions.Predicate(op, new io.delta.kernel.expressions.Column(column), value);
  }

  /** The engine Kernel reads with. */
  static final class KernelEngine {
    static final io.delta.kernel.engine.Engine ENGINE =
        io.delta.kernel.defaults.engine.DefaultEngine.create(new org.apache.hadoop.conf.Configuration());
  }
}
