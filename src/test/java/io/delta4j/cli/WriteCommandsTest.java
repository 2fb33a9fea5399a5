package io.delta4j.cli;

import static io.delta4j.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.cli.CliTest.Result;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write commands end to end: each run through {@link Main#run}, the table read back with scans. */
class WriteCommandsTest {
  private static final StructType SCALARS = new StructType(List.of(
      field("id", PrimitiveType.LONG), field("flag", PrimitiveType.BOOLEAN), field("b", PrimitiveType.BYTE),
      field("s", PrimitiveType.SHORT), field("i", PrimitiveType.INTEGER), field("f", PrimitiveType.FLOAT),
      field("d", PrimitiveType.DOUBLE), field("price", new DecimalType(10, 2)), field("name", PrimitiveType.STRING),
      field("bin", PrimitiveType.BINARY), field("day", PrimitiveType.DATE), field("ts", PrimitiveType.TIMESTAMP),
      field("local", PrimitiveType.TIMESTAMP_NTZ)));

  private static final StructType NESTED = new StructType(List.of(
      field("id", PrimitiveType.LONG),
      field("address", StructType.of(field("city", PrimitiveType.STRING), field("zip", PrimitiveType.INTEGER))),
      field("tags", new ArrayType(PrimitiveType.STRING, true)),
      field("scores", new MapType(PrimitiveType.STRING, PrimitiveType.DOUBLE, true)),
      field("names", new MapType(PrimitiveType.INTEGER, PrimitiveType.STRING, true)),
      field("points", new ArrayType(StructType.of(field("x", PrimitiveType.LONG)), true))));

  private static final StructType PARTITIONED = new StructType(List.of(
      field("id", PrimitiveType.LONG), field("name", PrimitiveType.STRING), field("p", PrimitiveType.STRING)));

  @TempDir Path dir;

  private static StructField field(String name, DataType type) {
    return new StructField(name, type, true);
  }

  /** Runs a command that must succeed with nothing on stderr, and returns its one line of output. */
  private static String ok(String... args) {
    Result r = run(args);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertEquals(1, r.lines().size(), r.out());
    return r.lines().get(0);
  }

  /** Runs a command that must fail with exit 1, nothing on stdout, and one line on stderr; returns it. */
  private static String fails(String... args) {
    Result r = run(args);
    assertEquals(1, r.code(), r.out());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    return r.err().strip();
  }

  private String create(String name, StructType schema, String... more) {
    String table = dir.resolve(name).toString();
    List<String> args = new ArrayList<>(List.of("create", table, "--schema", SchemaJson.toJson(schema)));
    args.addAll(List.of(more));
    assertEquals("created " + table + " at version 0", ok(args.toArray(String[]::new)));
    return table;
  }

  private String file(String name, String... lines) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f.toString();
  }

  /** The table's rows at its latest version, by id. */
  private static List<Row> rows(String table) {
    List<Row> rows = new ArrayList<>();
    try (DeltaTable t = DeltaTable.open(table); CloseableIterator<Row> it = t.snapshot().scan().rows()) {
      it.forEachRemaining(rows::add);
    }
    rows.sort(Comparator.comparingLong(r -> r.getLong("id")));
    return rows;
  }

  private static long version(String table) {
    try (DeltaTable t = DeltaTable.open(table)) {
      return t.version();
    }
  }

  private static Map<Long, String> names(String table) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (Row r : rows(table)) {
      out.put(r.getLong("id"), r.isNullAt("p") ? r.getString("name") + "@null" : r.getString("name") + "@" + r.getString("p"));
    }
    return out;
  }

  @Test
  void createWritesTheSchemaPartitionsAndProperties() {
    String table = create("t", PARTITIONED, "--partition-by", "p", "--property", "delta.appendOnly=false",
        "--property", "owner=me");
    try (DeltaTable t = DeltaTable.open(table)) {
      assertEquals(0, t.version());
      assertEquals(PARTITIONED, t.snapshot().schema());
      assertEquals(List.of("p"), t.snapshot().partitionColumns());
      assertEquals("me", t.snapshot().properties().get("owner"));
      assertEquals("false", t.snapshot().properties().get("delta.appendOnly"));
    }
    assertTrue(fails("create", table, "--schema", SchemaJson.toJson(PARTITIONED))
        .startsWith(table + ": Cannot create the table: a Delta table already exists there."));
  }

  @Test
  void badSchemaIsAUsageError() {
    Result r = run("create", dir.resolve("t").toString(), "--schema", "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\"");
    assertEquals(2, r.code(), "picocli's usage error code");
    assertTrue(r.err().startsWith("Invalid value for option '--schema': "), r.err());
    assertTrue(Files.notExists(dir.resolve("t")));
  }

  @Test
  void appendJsonLinesOfEveryScalarType() throws IOException {
    String table = create("t", SCALARS);
    String rows = file("rows.jsonl",
        "{\"id\": 1, \"flag\": true, \"b\": -128, \"s\": 32767, \"i\": 2147483647, \"f\": 1.5, \"d\": 0.1,"
            + " \"price\": 12.5, \"name\": \"Zoë, \\\"quoted\\\"\", \"bin\": \"AAEC/w==\", \"day\": \"2024-02-29\","
            + " \"ts\": \"2024-05-01T10:00:00.123456+02:00\", \"local\": \"2024-05-01 10:00:00.5\"}",
        "{\"id\": 2, \"flag\": false, \"f\": \"NaN\", \"d\": \"-Infinity\", \"price\": \"-0.01\", \"name\": \"\","
            + " \"ts\": \"2024-05-01 10:00:00\", \"local\": \"2024-05-01T23:59:59.999999\"}",
        "",
        "{\"id\": 3, \"ts\": \"2024-05-01T10:00:00Z\", \"d\": 1e300, \"price\": 99999999.99, \"i\": \"-7\"}");
    assertEquals("append: committed version 1 (1 file, 3 rows, 1 attempt)", ok("append", table, "--from", rows));

    List<Row> read = rows(table);
    assertEquals(3, read.size());
    Row r1 = read.get(0);
    assertTrue(r1.getBoolean("flag"));
    assertEquals((byte) -128, r1.getByte("b"));
    assertEquals((short) 32767, r1.getShort("s"));
    assertEquals(Integer.MAX_VALUE, r1.getInt("i"));
    assertEquals(1.5f, r1.getFloat("f"));
    assertEquals(0.1, r1.getDouble("d"));
    assertEquals(new BigDecimal("12.50"), r1.getDecimal("price"));
    assertEquals("Zoë, \"quoted\"", r1.getString("name"));
    assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, r1.getBinary("bin"));
    assertEquals(LocalDate.of(2024, 2, 29), r1.getDate("day"));
    assertEquals(Instant.parse("2024-05-01T08:00:00.123456Z"), r1.getTimestamp("ts"));
    assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 500_000_000), r1.getTimestampNtz("local"));

    Row r2 = read.get(1);
    assertTrue(!r2.getBoolean("flag"));
    assertTrue(r2.isNullAt("b") && r2.isNullAt("bin") && r2.isNullAt("day"));
    assertTrue(Float.isNaN(r2.getFloat("f")));
    assertEquals(Double.NEGATIVE_INFINITY, r2.getDouble("d"));
    assertEquals(new BigDecimal("-0.01"), r2.getDecimal("price"));
    assertEquals("", r2.getString("name"));
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), r2.getTimestamp("ts"));
    assertEquals(LocalDateTime.of(2024, 5, 1, 23, 59, 59, 999_999_000), r2.getTimestampNtz("local"));

    Row r3 = read.get(2);
    assertEquals(1e300, r3.getDouble("d"));
    assertEquals(new BigDecimal("99999999.99"), r3.getDecimal("price"));
    assertEquals(-7, r3.getInt("i"));
    assertTrue(r3.isNullAt("name") && r3.isNullAt("flag"));
  }

  @Test
  void appendCsvOfEveryScalarType() throws IOException {
    String table = create("t", SCALARS);
    String rows = file("rows.csv",
        "id,flag,b,s,i,f,d,price,name,bin,day,ts,local",
        "1,TRUE,127,-32768,-5,-0.25,2.5E-3,0.1,\"a, \"\"b\"\"",
        "c\",AAEC/w==,2024-05-01,2024-05-01 10:00:00.000001,2024-05-01 00:00:00",
        "2,false,,,,,,,\"\",,,,",
        "3,,,,,,,,,,,2024-05-01T12:00:00-01:30,");
    Files.writeString(Path.of(rows), Files.readString(Path.of(rows)).replace("\n", "\r\n"));
    assertEquals("append: committed version 1 (1 file, 3 rows, 1 attempt)", ok("append", table, "--from", rows));

    List<Row> read = rows(table);
    Row r1 = read.get(0);
    assertTrue(r1.getBoolean("flag"));
    assertEquals((byte) 127, r1.getByte("b"));
    assertEquals((short) -32768, r1.getShort("s"));
    assertEquals(-5, r1.getInt("i"));
    assertEquals(-0.25f, r1.getFloat("f"));
    assertEquals(0.0025, r1.getDouble("d"));
    assertEquals(new BigDecimal("0.10"), r1.getDecimal("price"));
    assertEquals("a, \"b\"\r\nc", r1.getString("name"));
    assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, r1.getBinary("bin"));
    assertEquals(LocalDate.of(2024, 5, 1), r1.getDate("day"));
    assertEquals(Instant.parse("2024-05-01T10:00:00.000001Z"), r1.getTimestamp("ts"));
    assertEquals(LocalDateTime.of(2024, 5, 1, 0, 0), r1.getTimestampNtz("local"));

    Row r2 = read.get(1);
    assertEquals("", r2.getString("name"), "a quoted empty field is the empty string");
    for (String column : List.of("b", "s", "i", "f", "d", "price", "bin", "day", "ts", "local")) {
      assertTrue(r2.isNullAt(column), column);
    }
    Row r3 = read.get(2);
    assertTrue(r3.isNullAt("name") && r3.isNullAt("flag"), "an empty field is null");
    assertEquals(Instant.parse("2024-05-01T13:30:00Z"), r3.getTimestamp("ts"));

    // What cat writes in csv reads back to the same rows.
    Path copy = dir.resolve("copy.csv");
    Files.writeString(copy, run("cat", table, "--format", "csv").out());
    String again = create("again", SCALARS);
    ok("append", again, "--from", copy.toString());
    assertEquals(run("cat", table).out(), run("cat", again).out());
  }

  @Test
  void appendJsonLinesOfNestedTypes() throws IOException {
    String table = create("t", NESTED);
    String rows = file("nested.ndjson",
        "{\"id\": 1, \"address\": {\"city\": \"Zürich\", \"zip\": 8001}, \"tags\": [\"a\", null, \"c\"],"
            + " \"scores\": {\"x\": 1.5, \"y\": null}, \"names\": {\"1\": \"one\", \"-2\": \"minus two\"},"
            + " \"points\": [{\"x\": 1}, {\"x\": 2}]}",
        "{\"id\": 2, \"address\": {\"CITY\": \"Bern\"}, \"tags\": [], \"scores\": {},"
            + " \"names\": [{\"key\": 3, \"value\": \"three\"}], \"points\": null}",
        "{\"id\": 3}");
    assertEquals("append: committed version 1 (1 file, 3 rows, 1 attempt)", ok("append", table, "--from", rows));

    List<Row> read = rows(table);
    Row r1 = read.get(0);
    assertEquals("Zürich", r1.getStruct("address").getString("city"));
    assertEquals(8001, r1.getStruct("address").getInt("zip"));
    assertEquals(java.util.Arrays.asList("a", null, "c"), r1.getList("tags"));
    Map<Object, Object> scores = new LinkedHashMap<>();
    scores.put("x", 1.5);
    scores.put("y", null);
    assertEquals(scores, r1.getMap("scores"));
    assertEquals(Map.of(1, "one", -2, "minus two"), r1.getMap("names"));
    assertEquals(2L, ((Row) r1.getList("points").get(1)).getLong("x"));

    Row r2 = read.get(1);
    assertEquals("Bern", r2.getStruct("address").getString("city"), "names match ignoring case");
    assertTrue(r2.getStruct("address").isNullAt("zip"));
    assertEquals(List.of(), r2.getList("tags"));
    assertEquals(Map.of(), r2.getMap("scores"));
    assertEquals(Map.of(3, "three"), r2.getMap("names"));
    assertTrue(r2.isNullAt("points"));
    assertTrue(read.get(2).isNullAt("address") && read.get(2).isNullAt("tags"));

    // cat's jsonl reads back to the same rows.
    Path copy = dir.resolve("copy.jsonl");
    Files.writeString(copy, run("cat", table).out());
    String again = create("again", NESTED);
    ok("append", again, "--from", copy.toString());
    assertEquals(run("cat", table).out(), run("cat", again).out());
  }

  @Test
  void csvRefusesNestedColumns() throws IOException {
    String table = create("t", NESTED);
    String rows = file("rows.csv", "id,tags", "1,[]");
    assertEquals(table + ": " + rows + " line 1: column \"tags\" is array<string>: CSV input holds only columns of"
        + " simple types; use JSON lines (--format jsonl) for it", fails("append", table, "--from", rows));
  }

  @Test
  void partitionValuesWithSpecialCharacters() throws IOException {
    String table = create("t", PARTITIONED, "--partition-by", "p");
    String rows = file("rows.csv", "id,name,p",
        "1,a,a:b/c d", "2,b,x%y", "3,c,=", "4,d,\"\"", "5,e,", "6,f,ü é", "7,g,a:b/c d");
    assertEquals("append: committed version 1 (5 files, 7 rows, 1 attempt)", ok("append", table, "--from", rows));

    Map<Long, String> expected = new LinkedHashMap<>();
    expected.put(1L, "a@a:b/c d");
    expected.put(2L, "b@x%y");
    expected.put(3L, "c@=");
    expected.put(4L, "d@null"); // Delta has no empty partition value: "" is stored as null
    expected.put(5L, "e@null");
    expected.put(6L, "f@ü é");
    expected.put(7L, "g@a:b/c d");
    assertEquals(expected, names(table));
    assertEquals("2", ok("count", table, "--where", "p = 'a:b/c d'"));
    assertEquals("1", ok("count", table, "--where", "p = 'x%y'"));
    assertEquals("1", ok("count", table, "--where", "p = '='"));
    assertEquals("2", ok("count", table, "--where", "p IS NULL"));
    assertEquals("{\"id\":2,\"name\":\"b\",\"p\":\"x%y\"}", ok("cat", table, "--where", "p = 'x%y'"));
  }

  @Test
  void appVersionMakesAppendIdempotent() throws IOException {
    String table = create("t", PARTITIONED);
    String rows = file("rows.jsonl", "{\"id\": 1, \"name\": \"a\"}", "{\"id\": 2, \"name\": \"b\"}");
    assertEquals("append: committed version 1 (1 file, 2 rows, 1 attempt)",
        ok("append", table, "--from", rows, "--app-id", "ingest-7", "--app-version", "42"));
    assertEquals("append: skipped, app ingest-7 already at version 42 (table version 1)",
        ok("append", table, "--from", rows, "--app-id", "ingest-7", "--app-version", "42"));
    assertEquals("append: skipped, app ingest-7 already at version 42 (table version 1)",
        ok("append", table, "--from", rows, "--app-id", "ingest-7", "--app-version", "41"));
    assertEquals(1, version(table));
    assertEquals("2", ok("count", table));
    assertEquals("append: committed version 2 (1 file, 2 rows, 1 attempt)",
        ok("append", table, "--from", rows, "--app-id", "ingest-7", "--app-version", "43"));
    assertEquals("4", ok("count", table));

    Result alone = run("append", table, "--from", rows, "--app-id", "ingest-7");
    assertEquals(2, alone.code(), "--app-id needs --app-version: a usage error");
    assertEquals(2, version(table));
  }

  @Test
  void overwriteAllAndWhere() throws IOException {
    String table = create("t", PARTITIONED, "--partition-by", "p");
    ok("append", table, "--from", file("first.jsonl",
        "{\"id\": 1, \"name\": \"a\", \"p\": \"x\"}", "{\"id\": 2, \"name\": \"b\", \"p\": \"y\"}",
        "{\"id\": 3, \"name\": \"c\", \"p\": \"y\"}"));

    String day = file("y.jsonl", "{\"id\": 20, \"name\": \"B\", \"p\": \"y\"}");
    assertEquals("overwrite: committed version 2 (1 file, 1 row, 1 file removed, 1 attempt)",
        ok("overwrite", table, "--from", day, "--where", "p = 'y'"));
    assertEquals(Map.of(1L, "a@x", 20L, "B@y"), names(table));

    String outside = file("outside.jsonl", "{\"id\": 30, \"name\": \"C\", \"p\": \"z\"}");
    assertEquals(table + ": " + outside + " line 1: Cannot write row 1: it does not satisfy the overwrite condition p = 'y'.",
        fails("overwrite", table, "--from", outside, "--where", "p = 'y'"));
    assertEquals(2, version(table));

    String all = file("all.csv", "p,id,name", "q,100,x", "q,101,y");
    assertEquals("overwrite: committed version 3 (1 file, 2 rows, 2 files removed, 1 attempt)",
        ok("overwrite", table, "--from", all));
    assertEquals(Map.of(100L, "x@q", 101L, "y@q"), names(table));
    assertEquals("2", ok("count", table));
  }

  @Test
  void deleteWhere() throws IOException {
    String table = create("t", PARTITIONED, "--partition-by", "p");
    ok("append", table, "--from", file("rows.jsonl",
        "{\"id\": 1, \"name\": \"a\", \"p\": \"x\"}", "{\"id\": 2, \"name\": \"b\", \"p\": \"y\"}",
        "{\"id\": 3, \"name\": \"c\", \"p\": \"y\"}", "{\"id\": 4, \"name\": \"d\"}"));
    assertEquals("delete: committed version 2 (2 rows deleted, 1 file removed, 0 files added, 1 attempt)",
        ok("delete", table, "--where", "p = 'y'"));
    assertEquals(Map.of(1L, "a@x", 4L, "d@null"), names(table));
    assertEquals("delete: committed version 3 (1 row deleted, 1 file removed, 0 files added, 1 attempt)",
        ok("delete", table, "--where", "p IS NULL"));
    assertEquals("1", ok("count", table));
    assertEquals("{\"id\":1,\"name\":\"a\",\"p\":\"x\"}", ok("cat", table));

    assertTrue(fails("delete", table, "--where", "p = ").startsWith(table + ": "));
    assertEquals(3, version(table));
  }

  @Test
  void checkpointThenReadBack() throws IOException {
    String table = create("t", PARTITIONED);
    for (int i = 0; i < 3; i++) {
      ok("append", table, "--from", file("r" + i + ".jsonl", "{\"id\": " + i + ", \"name\": \"n" + i + "\"}"));
    }
    assertEquals("checkpoint: wrote a checkpoint of version 3", ok("checkpoint", table));
    assertTrue(Files.exists(Path.of(table, "_delta_log", "00000000000000000003.checkpoint.parquet")));
    assertTrue(Files.exists(Path.of(table, "_delta_log", "_last_checkpoint")));
    assertEquals("3", ok("count", table));
    assertEquals(Map.of(0L, "n0@null", 1L, "n1@null", 2L, "n2@null"), names(table));
  }

  @Test
  void badValueNamesTheFileAndLine() throws IOException {
    String table = create("t", SCALARS);
    String rows = file("rows.jsonl", "{\"id\": 1}", "", "{\"id\": 2,", " \"price\": \"abc\"}");
    assertEquals(table + ": " + rows + " line 3: column \"price\": expected a number, got \"abc\"",
        fails("append", table, "--from", rows));
    assertEquals(0, version(table), "nothing committed");

    String csv = file("rows.csv", "id,name", "1,\"two", "lines\"", "x,y");
    assertEquals(table + ": " + csv + " line 4: column \"id\": expected an integer, got \"x\"",
        fails("append", table, "--from", csv));

    String truncated = file("truncated.jsonl", "{\"id\": 1}", "{\"id\": 2");
    assertEquals(table + ": " + truncated + " line 2: invalid JSON: the input ends inside this record",
        fails("append", table, "--from", truncated));
    String broken = file("broken.jsonl", "{\"id\": 1}", "{\"id\": 2,", "\"b\": 1 x}");
    assertEquals(table + ": " + broken + " line 3: invalid JSON: Unexpected character ('x' (code 120)): was expecting"
        + " comma to separate Object entries", fails("append", table, "--from", broken));
    String twice = file("twice.jsonl", "{\"id\": 1, \"id\": 2}");
    assertEquals(table + ": " + twice + " line 1: invalid JSON: Duplicate field 'id'", fails("append", table, "--from", twice));
    String scalar = file("scalar.jsonl", "{\"id\": 1}", "3");
    assertEquals(table + ": " + scalar + " line 2: expected a JSON object (one row), got 3",
        fails("append", table, "--from", scalar));

    String range = file("range.jsonl", "{\"b\": 128}");
    assertEquals(table + ": " + range + " line 1: column \"b\" is byte: 128 is out of range [-128, 127]",
        fails("append", table, "--from", range));
  }

  @Test
  void unknownColumnIsAnError() throws IOException {
    String table = create("t", NESTED);
    String rows = file("rows.jsonl", "{\"id\": 1}", "{\"id\": 2, \"address\": {\"street\": \"x\"}}");
    assertEquals(table + ": " + rows + " line 2: unknown column \"address.street\"; the columns are [city, zip]",
        fails("append", table, "--from", rows));
    String csv = file("rows.csv", "id,nope", "1,2");
    assertEquals(table + ": " + csv + " line 1: unknown column \"nope\"; the columns are "
        + "[id, address, tags, scores, names, points]", fails("append", table, "--from", csv));
  }

  @Test
  void formatByOptionAndStdin() throws IOException {
    String table = create("t", PARTITIONED);
    String text = file("rows.txt", "id,name", "1,a");
    assertEquals(table + ": Cannot tell the format of --from " + text + " from its name: give --format jsonl or --format csv.",
        fails("append", table, "--from", text));
    ok("append", table, "--from", text, "--format", "csv");
    assertEquals(table + ": Cannot read --from " + dir.resolve("none.jsonl") + ": no such file",
        fails("append", table, "--from", dir.resolve("none.jsonl").toString()));

    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("{\"id\": 2, \"name\": \"b\"}\n".getBytes(StandardCharsets.UTF_8)));
      assertEquals("append: committed version 2 (1 file, 1 row, 1 attempt)", ok("append", table, "--from", "-"));
      System.setIn(new ByteArrayInputStream("id,name\n3,c\n".getBytes(StandardCharsets.UTF_8)));
      ok("append", table, "--from", "-", "--format", "csv");
      System.setIn(new ByteArrayInputStream("{\"id\": 4, \"nam\": \"d\"}\n".getBytes(StandardCharsets.UTF_8)));
      assertEquals(table + ": stdin line 1: unknown column \"nam\"; the columns are [id, name, p]",
          fails("append", table, "--from", "-"));
    } finally {
      System.setIn(stdin);
    }
    assertEquals(Map.of(1L, "a@null", 2L, "b@null", 3L, "c@null"), names(table));
  }

  @Test
  void largeAppendWhenPipedPrintsOnlyItsLine() throws IOException {
    String table = create("t", PARTITIONED);
    Path rows = dir.resolve("big.jsonl");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 25_000; i++) {
      text.append("{\"id\":").append(i).append(",\"name\":\"n").append(i).append("\"}\n");
    }
    Files.writeString(rows, text);
    Result r = run("append", table, "--from", rows.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err(), "no progress bar without a terminal");
    assertEquals("append: committed version 1 (1 file, 25000 rows, 1 attempt)\n", r.out());
    assertEquals("25000", ok("count", table));
  }
}
