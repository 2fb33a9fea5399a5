package io.delta4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.SharedTables;
import io.delta4j.cli.CliTest.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@code count} and {@code cat} on the shared golden tables, with the answers of
 * golden-catalog.md. Rows are compared as sorted lines: the scan order is not part of the
 * contract. Skipped when the shared tables are absent.
 */
class CatGoldenTest {
  private static String table(String relative) {
    return SharedTables.root().resolve("golden").resolve(relative).toString();
  }

  private static Result ok(String... args) {
    return CatCommandTest.ok(args);
  }

  private static List<String> sortedRows(String... args) {
    return CatCommandTest.sorted(ok(args).lines());
  }

  @Test
  void counts() {
    assertEquals("41\n", ok("count", table("delta-golden/basic-with-inserts-deletes-checkpoint")).out());
    String dv = table("delta-golden/dv-partitioned-with-checkpoint");
    assertEquals("35\n", ok("count", dv).out());
    assertEquals("12\n", ok("count", dv, "--where", "part >= 7 AND col1 >= 0").out());
    assertEquals("454\n", ok("count", table("kernel/basic-dv-with-checkpoint")).out());
    String ntz = table("delta-golden/data-reader-timestamp_ntz");
    assertEquals("9\n", ok("count", ntz).out());
    assertEquals("3\n", ok("count", ntz, "--where", "tsNtzPartition IS NULL").out());
    assertEquals("3\n", ok("count", ntz, "--where", "tsNtzPartition = TIMESTAMP_NTZ '2021-11-18 02:30:00.123456'").out());
  }

  /** The ids after inserts, deletes and a checkpoint: 0-4, 10-14, 20-24, 30-34, 40-44, 50-65. */
  @Test
  void idsAfterDeletes() {
    TreeSet<Long> expected = new TreeSet<>();
    for (long start = 0; start <= 40; start += 10) {
      LongStream.range(start, start + 5).forEach(expected::add);
    }
    LongStream.rangeClosed(50, 65).forEach(expected::add);
    TreeSet<Long> ids = new TreeSet<>();
    for (String line : ok("cat", table("delta-golden/basic-with-inserts-deletes-checkpoint"), "--select", "id").lines()) {
      ids.add(Long.parseLong(line.substring("{\"id\":".length(), line.length() - 1)));
    }
    assertEquals(expected, ids);
    assertEquals(41, expected.size());
  }

  /** Every primitive type, binary as base64, and the all-null row. */
  @Test
  void primitives() {
    String[] base64 = {"AAA=", "AQE=", "AgI=", "AwM=", "BAQ=", "BQU=", "BgY=", "Bwc=", "CAg=", "CQk="};
    List<String> expected = new ArrayList<>();
    expected.add("{\"as_int\":null,\"as_long\":null,\"as_byte\":null,\"as_short\":null,\"as_boolean\":null,"
        + "\"as_float\":null,\"as_double\":null,\"as_string\":null,\"as_binary\":null,\"as_big_decimal\":null}");
    for (int i = 0; i < 10; i++) {
      expected.add("{\"as_int\":" + i + ",\"as_long\":" + i + ",\"as_byte\":" + i + ",\"as_short\":" + i
          + ",\"as_boolean\":" + (i % 2 == 0) + ",\"as_float\":" + i + ".0,\"as_double\":" + i + ".0,\"as_string\":\""
          + i + "\",\"as_binary\":\"" + base64[i] + "\",\"as_big_decimal\":" + i + "}");
    }
    assertEquals(expected.stream().sorted().toList(), sortedRows("cat", table("delta-golden/data-reader-primitives")));
  }

  /** INT96 timestamps (µs values of the catalog) as UTC ISO-8601 with six fractional digits; a timestamp partition. */
  @Test
  void int96Timestamps() {
    assertEquals(List.of(
            "{\"id\":0,\"part\":\"2020-01-01T08:09:10.001000Z\",\"time\":\"2020-02-01T08:09:10.000000Z\"}",
            "{\"id\":1,\"part\":\"2021-10-01T08:09:20.000000Z\",\"time\":\"1999-01-01T09:00:00.000000Z\"}",
            "{\"id\":2,\"part\":\"2021-10-01T08:09:20.000000Z\",\"time\":\"2000-01-01T09:00:00.000000Z\"}",
            "{\"id\":3,\"part\":\"1969-01-01T00:00:00.000000Z\",\"time\":\"1969-01-01T00:00:00.000000Z\"}",
            "{\"id\":4,\"part\":null,\"time\":null}"),
        sortedRows("cat", table("delta-golden/kernel-timestamp-INT96")));
  }

  /** Decimals are exact plain numbers that keep their scale (0E-10 prints 0.0000000000). */
  @Test
  void decimalsKeepTheirScale() {
    String t = table("delta-golden/basic-decimal-table");
    assertEquals(CatCommandTest.sorted(List.of(
            "{\"part\":-2342342.23423,\"col1\":-999.99,\"col2\":-99999.99999,\"col3\":-9999999999.9999999999}",
            "{\"part\":0.00004,\"col1\":0.00,\"col2\":0.00000,\"col3\":0.0000000000}",
            "{\"part\":2342222.23454,\"col1\":111.11,\"col2\":22222.22222,\"col3\":3333333333.3333333333}",
            "{\"part\":234.00000,\"col1\":1.00,\"col2\":2.00000,\"col3\":3.0000000000}")),
        sortedRows("cat", t));
    assertEquals("part,col1,col2,col3\r\n0.00004,0.00,0.00000,0.0000000000\r\n",
        ok("cat", t, "--format", "csv", "--where", "col1 = 0").out());
  }

  /** timestamp_ntz in data and partition columns: ISO-8601, six fractional digits, no zone. */
  @Test
  void timestampNtz() {
    String a = "\"2021-11-18T02:30:00.123456\"";
    String b = "\"2013-07-05T17:01:00.123456\"";
    List<String> expected = new ArrayList<>();
    String[][] rows = {{a, a}, {b, a}, {"null", a}, {a, b}, {b, b}, {"null", b}, {a, "null"}, {b, "null"},
        {"null", "null"}};
    for (int id = 0; id < rows.length; id++) {
      expected.add("{\"id\":" + id + ",\"tsNtz\":" + rows[id][0] + ",\"tsNtzPartition\":" + rows[id][1] + "}");
    }
    assertEquals(expected, sortedRows("cat", table("delta-golden/data-reader-timestamp_ntz")));
  }

  /** Nested values: maps with non-string keys as key/value arrays; in CSV, their JSON quoted. */
  @Test
  void nestedValues() {
    String t = table("delta-golden/table-with-columnmapping-mode-name");
    String where = "IntegerType = 1";
    assertEquals("{\"IntegerType\":1,\"map_of_arrays\":[{\"key\":1,\"value\":[1,null,2]},{\"key\":2,\"value\":[]}],"
            + "\"array_of_structs\":[{\"ab\":1},{\"ab\":1}],\"nested_struct\":{\"ac\":{\"aca\":1}}}\n",
        ok("cat", t, "--where", where, "--select", "IntegerType,map_of_arrays,array_of_structs,nested_struct.ac").out());
    assertEquals("IntegerType,map_of_arrays\r\n1,\"[{\"\"key\"\":1,\"\"value\"\":[1,null,2]},{\"\"key\"\":2,\"\"value\"\":[]}]\"\r\n",
        ok("cat", t, "--where", where, "--select", "IntegerType,map_of_arrays", "--format", "csv").out());
  }

  /** Variants as {"metadata": base64, "value": base64}; a map with string keys as an object. */
  @Test
  void variants() {
    String v = "{\"metadata\":\"AQEAA2tleQ==\",\"value\":\"AgEAAAIMAQ==\"}"; // {"key": 1}
    assertEquals("{\"id\":1,\"v\":" + v + ",\"map_of_variants\":{\"1\":" + v + ",\"nullKey\":null}}\n",
        ok("cat", table("delta-golden/spark-variant-checkpoint"), "--select", "id,v,map_of_variants",
            "--where", "id = 1", "--limit", "1").out());
  }

  @Test
  void versionsOfAGoldenTable() {
    String t = table("delta-golden/basic-with-inserts-deletes-checkpoint");
    assertEquals("10\n", ok("count", t, "--version", "0").out());
    assertEquals(10, ok("cat", t, "--version", "0").lines().size());
  }
}
