package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.ListRow;
import io.delta4j.Row;
import io.delta4j.expr.FileFilter;
import io.delta4j.expr.FileMatch;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import io.delta4j.storage.LocalStorage;
import io.delta4j.types.ArrayType;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetDataWriterTest {
  @TempDir
  Path dir;

  private static StructField f(String name, DataType type) {
    return new StructField(name, type, true);
  }

  private static final StructType INNER = StructType.of(f("x", PrimitiveType.INTEGER), f("y", PrimitiveType.STRING));

  private static final StructType ALL = StructType.of(
      f("l", PrimitiveType.LONG), f("i", PrimitiveType.INTEGER), f("s", PrimitiveType.SHORT),
      f("b", PrimitiveType.BYTE), f("bo", PrimitiveType.BOOLEAN), f("fl", PrimitiveType.FLOAT),
      f("d", PrimitiveType.DOUBLE), f("str", PrimitiveType.STRING), f("bin", PrimitiveType.BINARY),
      f("dt", PrimitiveType.DATE), f("ts", PrimitiveType.TIMESTAMP), f("ntz", PrimitiveType.TIMESTAMP_NTZ),
      f("d5", new DecimalType(5, 2)), f("d15", new DecimalType(15, 3)), f("d30", new DecimalType(30, 4)),
      f("st", INNER), f("arr", new ArrayType(PrimitiveType.STRING, true)),
      f("arrSt", new ArrayType(INNER, true)),
      f("m", new MapType(PrimitiveType.STRING, new ArrayType(PrimitiveType.LONG, true), true)));

  private static Row allRow(long n) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("k" + n, Arrays.asList(n, null));
    m.put("z", null);
    return new ListRow(ALL, n, (int) n * 2, (short) (n - 3), (byte) -n, n % 2 == 0, n + 0.5f, n / 4.0,
        "s" + n, ("b" + n).getBytes(StandardCharsets.UTF_8), LocalDate.of(2024, 1, 1).plusDays(n),
        Instant.parse("2024-05-01T10:00:00.123456Z").plusSeconds(n),
        LocalDateTime.parse("2024-05-01T10:00:00.000001").plusMinutes(n),
        new BigDecimal("-123.45").add(BigDecimal.valueOf(n)), new BigDecimal("999999999999.999"),
        new BigDecimal("-12345678901234567890123456.7891").add(BigDecimal.valueOf(n)),
        new ListRow(INNER, (int) n, null), Arrays.asList("a", null, "c"),
        Arrays.asList(new ListRow(INNER, 1, "q"), null), m);
  }

  private ParquetDataWriter.Result write(String name, StructType schema, ColumnMappingMode mode,
      ParquetDataWriter.Options options, List<Row> rows) throws IOException {
    try (ParquetDataWriter w = ParquetDataWriter.create(new LocalStorage(), dir.resolve(name).toUri(), schema, mode,
        options)) {
      for (Row r : rows) {
        w.write(r);
      }
      return w.finish();
    }
  }

  private static List<Row> read(ParquetDataWriter.Result file, StructType schema, ColumnMappingMode mode) {
    List<Row> out = new ArrayList<>();
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.path(),
        OptionalLong.of(file.size()), schema, mode, "t", file.path().toString())) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        for (int i = 0; i < batch.size(); i++) {
          out.add(batch.row(i));
        }
      }
    }
    return out;
  }

  private static List<List<Object>> plain(List<Row> rows) {
    return rows.stream().map(Plain::row).toList();
  }

  @Test
  void everyTypeRoundTripsWithNullsAtEveryLevel() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (long n = 0; n < 5; n++) {
      rows.add(allRow(n));
    }
    rows.add(new ListRow(ALL, new Object[ALL.length()]));
    for (var compression : ParquetDataWriter.Compression.values()) {
      ParquetDataWriter.Result file = write("all-" + compression + ".parquet", ALL, ColumnMappingMode.NONE,
          ParquetDataWriter.Options.DEFAULT.withCompression(compression), rows);
      assertEquals(6, file.numRecords());
      assertEquals(Files.size(Path.of(file.path())), file.size());
      assertEquals(plain(rows), plain(read(file, ALL, ColumnMappingMode.NONE)));
    }
  }

  @Test
  void physicalLayoutIsSparks() throws IOException {
    ParquetDataWriter.Result file = write("layout.parquet", ALL, ColumnMappingMode.NONE,
        ParquetDataWriter.Options.DEFAULT, List.of(allRow(1)));
    MessageType schema;
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(file.path())))) {
      schema = r.getFooter().getFileMetaData().getSchema();
      assertEquals("SNAPPY", r.getRowGroups().get(0).getColumns().get(0).getCodec().name());
    }
    String text = schema.toString();
    assertTrue(text.contains("optional int64 ts (TIMESTAMP(MICROS,true))"), text);
    assertTrue(text.contains("optional int64 ntz (TIMESTAMP(MICROS,false))"), text);
    assertTrue(text.contains("optional int32 d5 (DECIMAL(5,2))"), text);
    assertTrue(text.contains("optional int64 d15 (DECIMAL(15,3))"), text);
    assertTrue(text.contains("optional fixed_len_byte_array(13) d30 (DECIMAL(30,4))"), text);
    assertTrue(text.contains("optional group arr (LIST) {\n    repeated group list {\n      optional binary element (STRING);"),
        text);
    assertTrue(text.contains("optional group m (MAP) {\n    repeated group key_value {\n      required binary key (STRING);"),
        text);
  }

  @Test
  void statsJsonIsExact() throws IOException {
    StructType schema = StructType.of(f("id", PrimitiveType.LONG), f("name", PrimitiveType.STRING),
        f("ts", PrimitiveType.TIMESTAMP), f("ntz", PrimitiveType.TIMESTAMP_NTZ), f("dec", new DecimalType(10, 2)),
        f("dt", PrimitiveType.DATE), f("ok", PrimitiveType.BOOLEAN), f("bin", PrimitiveType.BINARY),
        f("s", INNER), f("arr", new ArrayType(PrimitiveType.INTEGER, true)), f("d", PrimitiveType.DOUBLE));
    List<Row> rows = List.of(
        new ListRow(schema, 3L, "b", Instant.parse("2024-01-01T00:00:00.123999Z"),
            LocalDateTime.parse("2024-01-01T00:00:00.5"), new BigDecimal("10.50"), LocalDate.of(2024, 2, 29), true,
            new byte[] {1}, new ListRow(INNER, 7, "q"), List.of(1), 1.5),
        new ListRow(schema, -1L, "a", Instant.parse("2023-06-30T23:59:59Z"), LocalDateTime.parse("2020-01-01T00:00"),
            new BigDecimal("-0.01"), LocalDate.of(2000, 1, 1), false, null, null, null, Double.NaN),
        new ListRow(schema, 2L, null, null, null, null, null, null, null, new ListRow(INNER, null, "r"), List.of(),
            -2.0));
    ParquetDataWriter.Result file = write("stats.parquet", schema, ColumnMappingMode.NONE,
        ParquetDataWriter.Options.DEFAULT, rows);
    assertEquals("{\"numRecords\":3,"
        + "\"minValues\":{\"id\":-1,\"name\":\"a\",\"ts\":\"2023-06-30T23:59:59.000Z\","
        + "\"ntz\":\"2020-01-01T00:00:00.000\",\"dec\":-0.01,\"dt\":\"2000-01-01\",\"s\":{\"x\":7,\"y\":\"q\"},\"d\":-2.0},"
        + "\"maxValues\":{\"id\":3,\"name\":\"b\",\"ts\":\"2024-01-01T00:00:00.123Z\","
        + "\"ntz\":\"2024-01-01T00:00:00.500\",\"dec\":10.50,\"dt\":\"2024-02-29\",\"s\":{\"x\":7,\"y\":\"r\"},\"d\":\"NaN\"},"
        + "\"nullCount\":{\"id\":0,\"name\":1,\"ts\":1,\"ntz\":1,\"dec\":1,\"dt\":1,\"ok\":1,\"bin\":2,"
        + "\"s\":{\"x\":2,\"y\":1},\"arr\":1,\"d\":0}}", file.stats());
  }

  @Test
  void longStringsAreTruncatedAsDeltaDoes() {
    String a40 = "a".repeat(40);
    assertEquals("a".repeat(32), DataFileStats.truncateMin(a40, 32));
    assertEquals("a".repeat(32) + "\u007F", DataFileStats.truncateMax(a40, 32));
    String high = "a".repeat(32) + "\u00e9tail";
    assertEquals("a".repeat(32) + "\uDBFF\uDFFF", DataFileStats.truncateMax(high, 32));
    // a surrogate pair straddling the cut stays whole
    String pair = "a".repeat(31) + "\uD83D\uDE00" + "zz";
    assertEquals("a".repeat(31) + "\uD83D\uDE00", DataFileStats.truncateMin(pair, 32));
    assertEquals("a".repeat(31) + "\uD83D\uDE00\u007F", DataFileStats.truncateMax(pair, 32));
    // U+10FFFF after the prefix is kept, then the bound appended
    String max = "a".repeat(32) + "\uDBFF\uDFFF" + "b";
    assertEquals("a".repeat(32) + "\uDBFF\uDFFF\u007F", DataFileStats.truncateMax(max, 32));
    // nothing can bound a tail of U+10FFFF longer than the expansion limit
    assertNull(DataFileStats.truncateMax("a".repeat(32) + "\uDBFF\uDFFF".repeat(20), 32));
    assertEquals("abc", DataFileStats.truncateMax("abc", 32));
    // UTF-8 order, not UTF-16: U+1F600 sorts above U+FFFD
    assertTrue(DataFileStats.compareCodePoints("\uD83D\uDE00", "\uFFFD") > 0);
  }

  @Test
  void truncatedStringsInTheWrittenStats() throws IOException {
    StructType schema = StructType.of(f("s", PrimitiveType.STRING));
    String lo = "m".repeat(33);
    String hi = "z".repeat(50);
    ParquetDataWriter.Result file = write("trunc.parquet", schema, ColumnMappingMode.NONE,
        ParquetDataWriter.Options.DEFAULT, List.of(new ListRow(schema, hi), new ListRow(schema, lo)));
    assertEquals("{\"numRecords\":2,\"minValues\":{\"s\":\"" + "m".repeat(32) + "\"},\"maxValues\":{\"s\":\""
        + "z".repeat(32) + "\u007F\"},\"nullCount\":{\"s\":0}}", file.stats());
    FileFilter filter = FileFilter.create(Predicates.equal("s", hi), schema, List.of(), ColumnMappingMode.NONE);
    assertFalse(filter.match(Map.of(), Optional.of(file.stats())) == FileMatch.NONE);
    filter = FileFilter.create(Predicates.equal("s", lo), schema, List.of(), ColumnMappingMode.NONE);
    assertFalse(filter.match(Map.of(), Optional.of(file.stats())) == FileMatch.NONE);
  }

  @Test
  void indexedColumnsFollowNumIndexedColsAndStatsColumns() throws IOException {
    StructType schema = StructType.of(f("a", PrimitiveType.INTEGER), f("s", INNER), f("c", PrimitiveType.INTEGER));
    List<Row> rows = List.of(new ListRow(schema, 1, new ListRow(INNER, 2, "y"), 3));
    assertEquals("{\"numRecords\":1,\"minValues\":{\"a\":1,\"s\":{\"x\":2}},\"maxValues\":{\"a\":1,\"s\":{\"x\":2}},"
            + "\"nullCount\":{\"a\":0,\"s\":{\"x\":0}}}",
        write("n2.parquet", schema, ColumnMappingMode.NONE, ParquetDataWriter.Options.DEFAULT.withNumIndexedCols(2),
            rows).stats());
    assertEquals("{\"numRecords\":1,\"minValues\":{\"s\":{\"x\":2,\"y\":\"y\"},\"c\":3},"
            + "\"maxValues\":{\"s\":{\"x\":2,\"y\":\"y\"},\"c\":3},\"nullCount\":{\"s\":{\"x\":0,\"y\":0},\"c\":0}}",
        write("sc.parquet", schema, ColumnMappingMode.NONE,
            ParquetDataWriter.Options.DEFAULT.withStatsColumns(List.of(List.of("S"), List.of("c"))), rows).stats());
    assertEquals("{\"numRecords\":1}", write("n0.parquet", schema, ColumnMappingMode.NONE,
        ParquetDataWriter.Options.DEFAULT.withNumIndexedCols(0), rows).stats());
  }

  private static StructField mapped(String name, DataType type, long id) {
    return new StructField(name, type, true,
        Map.of(StructField.COLUMN_MAPPING_ID_KEY, id, StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, "col-" + id));
  }

  @Test
  void columnMappingNamesAndIds() throws IOException {
    StructType inner = StructType.of(mapped("x", PrimitiveType.INTEGER, 3), mapped("y", PrimitiveType.STRING, 4));
    StructType schema = StructType.of(mapped("id", PrimitiveType.LONG, 1), mapped("st", inner, 2),
        mapped("tags", new ArrayType(PrimitiveType.STRING, true), 5));
    List<Row> rows = List.of(new ListRow(schema, 1L, new ListRow(inner, 5, "a"), List.of("t")),
        new ListRow(schema, 2L, null, null));
    for (ColumnMappingMode mode : List.of(ColumnMappingMode.NAME, ColumnMappingMode.ID)) {
      ParquetDataWriter.Result file = write("cm-" + mode + ".parquet", schema, mode,
          ParquetDataWriter.Options.DEFAULT, rows);
      assertEquals(plain(rows), plain(read(file, schema, mode)));
      try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(file.path())))) {
        MessageType type = r.getFooter().getFileMetaData().getSchema();
        assertEquals(2, type.getType("col-2").getId().intValue());
        assertEquals(4, type.getType("col-2").asGroupType().getType("col-4").getId().intValue());
      }
      assertEquals("{\"numRecords\":2,\"minValues\":{\"col-1\":1,\"col-2\":{\"col-3\":5,\"col-4\":\"a\"}},"
          + "\"maxValues\":{\"col-1\":2,\"col-2\":{\"col-3\":5,\"col-4\":\"a\"}},"
          + "\"nullCount\":{\"col-1\":0,\"col-2\":{\"col-3\":1,\"col-4\":1},\"col-5\":1}}", file.stats());
      FileFilter filter = FileFilter.create(Predicates.greaterThan("id", 2L), schema, List.of(), mode);
      assertEquals(FileMatch.NONE, filter.match(Map.of(), Optional.of(file.stats())));
      filter = FileFilter.create(Predicates.equal("id", 2L), schema, List.of(), mode);
      assertTrue(filter.match(Map.of(), Optional.of(file.stats())) != FileMatch.NONE);
    }
    // Names differ from the logical ones: a reader without mapping finds nothing.
  }

  /** Every predicate a file's rows satisfy must not be skipped by its stats; some others must be. */
  @Test
  void fileFilterAgreesWithTheStats() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (long n = 0; n < 5; n++) {
      rows.add(allRow(n));
    }
    rows.add(new ListRow(ALL, new Object[ALL.length()]));
    ParquetDataWriter.Result file = write("skip.parquet", ALL, ColumnMappingMode.NONE,
        ParquetDataWriter.Options.DEFAULT, rows);
    Optional<String> stats = Optional.of(file.stats());
    List<Predicate> matching = List.of(Predicates.equal("l", 4L), Predicates.equal("str", "s0"),
        Predicates.equal("ts", Instant.parse("2024-05-01T10:00:04.123456Z")),
        Predicates.equal("ntz", LocalDateTime.parse("2024-05-01T10:04:00.000001")),
        Predicates.equal("d30", new BigDecimal("-12345678901234567890123452.7891")),
        Predicates.equal("dt", LocalDate.of(2024, 1, 5)), Predicates.isNull("d5"),
        Predicates.parse("st.x = 3"), Predicates.lessThan("fl", 1.0f));
    for (Predicate p : matching) {
      FileFilter filter = FileFilter.create(p, ALL, List.of(), ColumnMappingMode.NONE);
      assertTrue(filter.match(Map.of(), stats) != FileMatch.NONE, p + " " + file.stats());
    }
    List<Predicate> skipped = List.of(Predicates.greaterThan("l", 4L), Predicates.lessThan("str", "s0"),
        Predicates.greaterThan("ts", Instant.parse("2024-05-01T10:00:04.125Z")),
        Predicates.lessThan("dt", LocalDate.of(2024, 1, 1)), Predicates.parse("st.x > 4"),
        Predicates.greaterThan("d15", new BigDecimal("999999999999.999")));
    for (Predicate p : skipped) {
      FileFilter filter = FileFilter.create(p, ALL, List.of(), ColumnMappingMode.NONE);
      assertEquals(FileMatch.NONE, filter.match(Map.of(), stats), p + " " + file.stats());
    }
  }

  @Test
  void failureAbortsAndPublishesNothing() throws IOException {
    StructType schema = StructType.of(new StructField("a", PrimitiveType.INTEGER, false));
    Path target = dir.resolve("failed.parquet");
    try (ParquetDataWriter w = ParquetDataWriter.create(new LocalStorage(), target.toUri(), schema,
        ColumnMappingMode.NONE, ParquetDataWriter.Options.DEFAULT)) {
      w.write(new ListRow(schema, 1));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> w.write(new ListRow(schema, (Object) null)));
      assertEquals("Null value in non-nullable column a.", e.getMessage());
    }
    assertFalse(Files.exists(target));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void voidColumnsAreNotStoredAndZstdIsSelectable() throws IOException {
    StructType schema = StructType.of(f("a", PrimitiveType.INTEGER), f("v", PrimitiveType.VOID));
    ParquetDataWriter.Result file = write("void.parquet", schema, ColumnMappingMode.NONE,
        ParquetDataWriter.Options.DEFAULT.withCompression(ParquetDataWriter.Compression.ZSTD),
        List.of(new ListRow(schema, 1, null)));
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(file.path())))) {
      assertEquals(List.of("a"), r.getFooter().getFileMetaData().getSchema().getFields().stream()
          .map(org.apache.parquet.schema.Type::getName).toList());
      assertEquals("ZSTD", r.getRowGroups().get(0).getColumns().get(0).getCodec().name());
    }
    assertEquals(List.of(Arrays.asList(1, null)), plain(read(file, schema, ColumnMappingMode.NONE)));
    StructType inArray = StructType.of(f("x", new ArrayType(PrimitiveType.VOID, true)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParquetDataWriter.create(
        new LocalStorage(), dir.resolve("bad.parquet").toUri(), inArray, ColumnMappingMode.NONE,
        ParquetDataWriter.Options.DEFAULT));
    assertEquals("Cannot write column element of type void: not supported by the data writer.", e.getMessage());
  }
}
