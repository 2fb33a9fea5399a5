package io.delta4j.cli;

import static io.delta4j.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.cli.CliTest.Result;
import io.delta4j.data.TestParquet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cat} and {@code count} on the project's own tables ({@code tests-data/people}, whose rows
 * tests-data/README.md lists) and on small tables written here for values no shipped table has.
 */
class CatCommandTest {
  private static final String PEOPLE = "tests-data/people";

  /** people at its latest version: id, name, city, birthday (README table, p4 deleted). */
  private static final String[][] PEOPLE_ROWS = {
      {"1", "Alice", "Berlin", "1990-01-15"}, {"2", "Bob", "Berlin", "1985-06-30"},
      {"3", "Chloé", "Zürich", "1992-03-03"}, {"4", "Dieter", "Zürich", null},
      {"5", "Eve", "New York", "1988-12-24"}, {"6", "Frank", "New York", "1979-07-04"},
      {"7", "Grace", null, "2000-02-29"}, {"8", "Heidi", null, "1995-05-05"},
      {"11", "Karl", "Berlin", "1970-01-01"}, {"12", "Lena", "Berlin", "1999-12-31"},
      {"13", "Mallory", "Zürich", "1987-04-01"}, {"14", "Niklas", "Zürich", "1993-08-08"},
      {"15", "Olivia", "Tokyo", "1996-10-10"}, {"16", "Peggy", "Tokyo", null},
      {"17", "Quentin", "New York", "1980-02-02"}, {"18", "Rupert", "New York", "1975-03-15"},
      {"19", "Sybil", "Berlin", "1998-06-06"}, {"20", "Trent", "Berlin", "1984-04-04"},
      {"21", "Uma", null, "1994-07-07"}, {"22", "Victor", null, "1989-09-09"},
      {"23", "Walter", "Paris", "1982-10-10"}, {"24", "Xena", "Paris", "1997-01-20"},
  };

  @TempDir Path dir;

  static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }

  static Result ok(String... args) {
    Result r = run(args);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    return r;
  }

  /** Exit 1, nothing on stdout, exactly {@code line} on stderr. */
  static void fails(String line, String... args) {
    Result r = run(args);
    assertEquals(1, r.code(), r.out());
    assertEquals("", r.out());
    assertEquals(line + "\n", r.err());
  }

  private static String json(String[] row) {
    return "{\"id\":" + row[0] + ",\"name\":\"" + row[1] + "\",\"city\":" + quoted(row[2]) + ",\"birthday\":"
        + quoted(row[3]) + "}";
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  @Test
  void countPrintsOneNumber() {
    assertEquals("22\n", ok("count", PEOPLE).out());
    assertEquals("6\n", ok("count", PEOPLE, "--where", "city = 'Berlin'").out());
    assertEquals("4\n", ok("count", PEOPLE, "--where", "city IS NULL").out());
    assertEquals("3\n", ok("count", PEOPLE, "--where", "city = 'Berlin' AND birthday < DATE '1990-01-01'").out());
    assertEquals("12\n", ok("count", PEOPLE, "--version", "5").out());
    assertEquals("10\n", ok("count", PEOPLE, "--version", "6").out());
    assertEquals("12\n", ok("count", PEOPLE, "--timestamp", "2024-01-01T05:30:00Z").out());
  }

  @Test
  void jsonlIsOneObjectPerRowWithLogicalNamesInSchemaOrder() {
    List<String> expected = Stream.of(PEOPLE_ROWS).map(CatCommandTest::json).sorted().toList();
    Result r = ok("cat", PEOPLE);
    assertTrue(r.out().endsWith("}\n"), r.out());
    assertEquals(expected, sorted(r.lines()));
    assertEquals(r.out(), ok("cat", PEOPLE, "--format", "jsonl").out());
    assertEquals(r.out(), ok("cat", PEOPLE, "--format", "JSONL").out(), "format names ignore case");
  }

  @Test
  void whereAndSelect() {
    assertEquals(List.of("{\"id\":1,\"name\":\"Alice\"}", "{\"id\":11,\"name\":\"Karl\"}",
            "{\"id\":12,\"name\":\"Lena\"}", "{\"id\":19,\"name\":\"Sybil\"}", "{\"id\":2,\"name\":\"Bob\"}",
            "{\"id\":20,\"name\":\"Trent\"}"),
        sorted(ok("cat", PEOPLE, "--where", "city = 'Berlin'", "--select", "id,name").lines()));
    // --select order, blanks around names, a null date
    assertEquals("{\"birthday\":null,\"city\":\"Zürich\",\"id\":4}\n",
        ok("cat", PEOPLE, "--select", "birthday, city ,id", "--where", "id = 4").out());
    assertEquals("{\"name\":\"Chloé\"}\n", ok("cat", PEOPLE, "--select", "`name`", "--where", "id IN (3, 99)").out());
    assertEquals("", ok("cat", PEOPLE, "--where", "id > 100").out());
  }

  @Test
  void versionAndTimestampTravel() {
    assertEquals(List.of("{\"id\":10}", "{\"id\":9}"),
        sorted(ok("cat", PEOPLE, "--version", "5", "--where", "city = 'Paris'", "--select", "id").lines()));
    assertEquals(List.of("{\"id\":23}", "{\"id\":24}"),
        sorted(ok("cat", PEOPLE, "--where", "city = 'Paris'", "--select", "id").lines()));
    assertEquals(12, ok("cat", PEOPLE, "--timestamp", "2024-01-01T05:30:00Z").lines().size());
    assertEquals(2, run("cat", PEOPLE, "--version", "5", "--timestamp", "2024-01-01").code(), "exclusive");
  }

  @Test
  void limit() {
    List<String> all = ok("cat", PEOPLE).lines();
    List<String> three = ok("cat", PEOPLE, "--limit", "3").lines();
    assertEquals(all.subList(0, 3), three, "the first rows in scan order");
    assertEquals(22, ok("cat", PEOPLE, "--limit", "100").lines().size());
    assertEquals("", ok("cat", PEOPLE, "--limit", "0").out());
    assertEquals("id,name,city,birthday\r\n", ok("cat", PEOPLE, "--limit", "0", "--format", "csv").out());
    assertEquals("id | name | city | birthday\n---+------+------+---------\n(0 rows)\n",
        ok("cat", PEOPLE, "--limit", "0", "--format", "table").out());
    Result negative = run("cat", PEOPLE, "--limit", "-1");
    assertEquals(2, negative.code(), "a usage error");
    assertTrue(negative.err().startsWith("--limit must be 0 or more, was -1\n"), negative.err());
  }

  @Test
  void csvOnPeople() {
    Result r = ok("cat", PEOPLE, "--format", "csv", "--where", "id IN (4, 7, 5)");
    String[] records = r.out().split("\r\n", -1);
    assertEquals("id,name,city,birthday", records[0]);
    assertEquals("", records[records.length - 1], "every record ends in CRLF");
    assertEquals(List.of("4,Dieter,Zürich,", "5,Eve,New York,1988-12-24", "7,Grace,,2000-02-29"),
        Stream.of(records).skip(1).limit(3).sorted().toList());
    assertEquals(5, records.length);
  }

  @Test
  void tableOnPeople() {
    assertEquals("""
        id | name   | city   | birthday
        ---+--------+--------+---------
         4 | Dieter | Zürich | null
        (1 row)
        """, ok("cat", PEOPLE, "--format", "table", "--where", "id = 4").out());
  }

  @Test
  void errorsNameTheTableAndTheProblem() {
    fails(PEOPLE + ": Expected a literal at position 6 (found end of input) in: id > ", "cat", PEOPLE, "--where", "id > ");
    fails(PEOPLE + ": Expected ')' at position 19 (found end of input) in: id = 1 AND (id = 2",
        "cat", PEOPLE, "--where", "id = 1 AND (id = 2");
    fails(PEOPLE + ": Expected ')' at position 19 (found end of input) in: id = 1 AND (id = 2",
        "count", PEOPLE, "--where", "id = 1 AND (id = 2");
    fails(PEOPLE + ": Column \"nope\" does not exist; the table has [id, name, city, birthday].",
        "cat", PEOPLE, "--select", "id,nope");
    fails(PEOPLE + ": Column \"nope\" does not exist; the table has [id, name, city, birthday].",
        "cat", PEOPLE, "--where", "nope = 1");
    fails(PEOPLE + ": Column \"nope\" does not exist; the table has [id, name, city, birthday].",
        "count", PEOPLE, "--where", "nope IS NULL");
    fails(PEOPLE + ": Column \"name\" is string, not a struct; it has no field \"first\".",
        "cat", PEOPLE, "--select", "name.first");
    fails(PEOPLE + ": Invalid --select 'id,,name': a column name is empty.", "cat", PEOPLE, "--select", "id,,name");
    fails(PEOPLE + ": Cannot compare column \"id\" of type long with 'x' (string): expected a number.",
        "cat", PEOPLE, "--where", "id = 'x'", "--format", "table");
    fails(PEOPLE + ": Cannot load version 99: the latest version is 12.", "cat", PEOPLE, "--version", "99");

    Result format = run("cat", PEOPLE, "--format", "xml");
    assertEquals(2, format.code());
    assertTrue(format.err().startsWith(
        "Invalid value for option '--format': expected one of jsonl, csv, table but was 'xml'\n"), format.err());
  }

  @Test
  void selectSplitsAtCommasOutsideBackquotes() {
    assertEquals(List.of("a", "`x,y`.b", "c", "`p``,q`"), ScanArgs.columns(" a,`x,y`.b , c,`p``,q`"));
    assertEquals(List.of("address.city"), ScanArgs.columns("address.city"));
  }

  /** Values no shipped table has: CSV's special characters, empty vs null, NaN, a map with string keys. */
  @Test
  void specialValuesInEachFormat() throws IOException {
    String table = tricky().toString();
    assertEquals("""
        {"id":1,"s":"a,b","d":"NaN","m":{"k":1,"n":null}}
        {"id":2,"s":"say \\"hi\\"","d":"Infinity","m":{}}
        {"id":3,"s":"two\\nlines","d":"-Infinity","m":null}
        {"id":4,"s":"","d":1.5,"m":null}
        {"id":5,"s":null,"d":null,"m":null}
        """, ok("cat", table).out());
    assertEquals("id,s,d,m\r\n"
        + "1,\"a,b\",NaN,\"{\"\"k\"\":1,\"\"n\"\":null}\"\r\n"
        + "2,\"say \"\"hi\"\"\",Infinity,{}\r\n"
        + "3,\"two\nlines\",-Infinity,\r\n"
        + "4,\"\",1.5,\r\n"
        + "5,,,\r\n", ok("cat", table, "--format", "csv").out());
    assertEquals("""
        id | s          |         d | m
        ---+------------+-----------+-----------------
         1 | a,b        |       NaN | {"k":1,"n":null}
         2 | say "hi"   |  Infinity | {}
         3 | two\\nlines | -Infinity | null
         4 |            |       1.5 | null
         5 | null       |      null | null
        (5 rows)
        """, ok("cat", table, "--format", "table").out());
  }

  /** table holds back at most 1,000 rows (or --limit) to size columns; later wider values overflow. */
  @Test
  void tableBuffersTheFirstThousandRowsThenStreams() throws IOException {
    String table = numbered(3000).toString();
    List<String> lines = ok("cat", table, "--format", "table", "--select", "s,id").lines();
    assertEquals(3003, lines.size());
    assertEquals("s |   id", lines.get(0));
    assertEquals("--+-----", lines.get(1));
    assertEquals("v |    1", lines.get(2));
    assertEquals("v | 1000", lines.get(1001));
    assertEquals("long value | 1001", lines.get(1002));
    assertEquals("(3000 rows)", lines.get(3002));
    assertEquals(List.of("s | id", "--+---", "v |  1", "v |  2", "(2 rows)"),
        ok("cat", table, "--format", "table", "--select", "s,id", "--limit", "2").lines());
  }

  /** --limit stops reading: files after the first are never opened. An error later keeps the whole rows before it. */
  @Test
  void limitStopsReadingEarly() throws IOException {
    Path copy = dir.resolve("people");
    copyTree(Path.of(PEOPLE), copy);
    String first = ok("cat", copy.toString(), "--limit", "1").out();
    long firstId = Long.parseLong(first.substring("{\"id\":".length(), first.indexOf(',')));
    String keep = String.format("part-%05d-", (firstId - 1) / 2); // row k lives in file p((k-1)/2)
    try (Stream<Path> files = Files.walk(copy)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log")
          && !p.getFileName().toString().startsWith(keep)).toList()) {
        Files.writeString(f, "not a parquet file");
      }
    }
    List<String> two = ok("cat", copy.toString(), "--limit", "2").lines();
    assertEquals(2, two.size());
    assertEquals(first, two.get(0) + "\n");

    Result broken = run("cat", copy.toString());
    assertEquals(1, broken.code());
    assertEquals(two, broken.lines(), "the rows read before the error, whole");
    assertEquals(1, broken.err().lines().count(), broken.err());
    assertTrue(broken.err().startsWith(copy + ": "), broken.err());
    assertEquals(1, run("count", copy.toString()).code());
  }

  /** A closed pipe (cat | head) stops the scan instead of reading the whole table into the void. */
  @Test
  void aFailingOutputStopsTheScan() throws IOException {
    String table = numbered(3000).toString();
    Writer closed = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(closed), new PrintWriter(err), "cat", table);
    assertEquals(1, code);
    assertEquals(table + ": Cannot write the output (a closed pipe or a full disk); stopped after 1024 rows.\n",
        err.toString());
  }

  // ---- small tables written here ----

  /** One file, in this order: commas, quotes, a newline, an empty string, nulls; NaN and infinities; a map. */
  private Path tricky() throws IOException {
    Path table = dir.resolve("tricky");
    Files.createDirectories(table);
    TestParquet.write(table.resolve("f.parquet"), "message m { optional int64 id; optional binary s (UTF8);"
            + " optional double d; optional group m (MAP) { repeated group key_value {"
            + " required binary key (UTF8); optional int32 value; } } }",
        g -> {
          g.append("id", 1L).append("s", "a,b").append("d", Double.NaN);
          g.addGroup("m").addGroup("key_value").append("key", "k").append("value", 1);
          g.getGroup("m", 0).addGroup("key_value").append("key", "n");
        },
        g -> {
          g.append("id", 2L).append("s", "say \"hi\"").append("d", Double.POSITIVE_INFINITY);
          g.addGroup("m");
        },
        g -> g.append("id", 3L).append("s", "two\nlines").append("d", Double.NEGATIVE_INFINITY),
        g -> g.append("id", 4L).append("s", "").append("d", 1.5),
        g -> g.append("id", 5L));
    writeLog(table, "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"s\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"d\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"integer\","
        + "\"valueContainsNull\":true},\"nullable\":true,\"metadata\":{}}");
    return table;
  }

  /** Rows id = 1..n, s = "v" up to id 1000 and "long value" after. */
  private Path numbered(int n) throws IOException {
    Path table = dir.resolve("numbered");
    Files.createDirectories(table);
    List<java.util.function.Consumer<org.apache.parquet.example.data.Group>> rows = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      long id = i;
      rows.add(g -> g.append("id", id).append("s", id <= 1000 ? "v" : "long value"));
    }
    TestParquet.write(table.resolve("f.parquet"), "message m { optional int64 id; optional binary s (UTF8); }",
        128L * 1024 * 1024, rows);
    writeLog(table, "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"s\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}");
    return table;
  }

  /** Version 0 of an unpartitioned table with one data file, f.parquet. */
  private static void writeLog(Path table, String fields) throws IOException {
    String schema = "{\"type\":\"struct\",\"fields\":[" + fields + "]}";
    String commit = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
        + "{\"metaData\":{\"id\":\"00000000-0000-0000-0000-000000000001\",\"format\":{\"provider\":\"parquet\","
        + "\"options\":{}},\"schemaString\":" + quote(schema) + ",\"partitionColumns\":[],\"configuration\":{}}}\n"
        + "{\"add\":{\"path\":\"f.parquet\",\"partitionValues\":{},\"size\":" + Files.size(table.resolve("f.parquet"))
        + ",\"modificationTime\":0,\"dataChange\":true}}\n";
    Path log = Files.createDirectories(table.resolve("_delta_log"));
    Files.writeString(log.resolve("00000000000000000000.json"), commit);
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
