package io.delta4j.types;

import io.delta4j.SharedTables;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partition values as the reference writers put them in the shared tables (Spark in several time
 * zones and versions, Delta Kernel, delta-rs), parsed with each column's type from the same log.
 */
class PartitionValuesGoldenTest {
  private static Path shared;

  @BeforeAll
  static void findSharedData() {
    shared = SharedTables.root();
  }

  @Test
  void dataReaderPartitionValues() throws IOException {
    Set<Map<String, Object>> rows = parsedValues("golden/delta-golden/data-reader-partition-values");
    Map<String, Object> one = new HashMap<>();
    one.put("as_int", 1);
    one.put("as_long", 1L);
    one.put("as_byte", (byte) 1);
    one.put("as_short", (short) 1);
    one.put("as_boolean", false);
    one.put("as_float", 1.0f);
    one.put("as_double", 1.0);
    one.put("as_string", "1");
    one.put("as_string_lit_null", "null"); // the string "null", not a null value
    one.put("as_date", LocalDate.of(2021, 9, 8));
    one.put("as_timestamp", Instant.ofEpochSecond(1631099471)); // Spark's string read as UTC, as Kernel does
    one.put("as_big_decimal", new BigDecimal("1"));
    assertTrue(rows.contains(one), rows.toString());
    Map<String, Object> allNull = new HashMap<>();
    one.keySet().forEach(k -> allNull.put(k, null));
    assertTrue(rows.contains(allNull), rows.toString());
  }

  @Test
  void isoTimestampPartitions() throws IOException {
    assertEquals(
        Set.of(
            Map.of("ts", Instant.parse("2024-01-01T10:00:00Z")),
            Map.of("ts", Instant.parse("2024-01-02T12:30:00Z"))),
        parsedValues("golden/delta-golden/kernel-timestamp-partition-col-ISO8601"));
  }

  @Test
  void sparkTimestampPartitionsWithMillis() throws IOException {
    // Expected microseconds from the golden-table generator: 1577866150001000 and -31536000000000.
    Set<Map<String, Object>> rows = parsedValues("golden/delta-golden/kernel-timestamp-INT96");
    assertTrue(rows.contains(Map.of("part", Instant.ofEpochSecond(1577866150, 1_000_000))), rows.toString());
    assertTrue(rows.contains(Map.of("part", Instant.ofEpochSecond(-31536000))), rows.toString());
  }

  @Test
  void decimalPartitions() throws IOException {
    assertEquals(
        Set.of(
            Map.of("part", new BigDecimal("2342222.23454")),
            Map.of("part", new BigDecimal("-2342342.23423")),
            Map.of("part", new BigDecimal("0.00004")),
            Map.of("part", new BigDecimal("234.00000"))),
        parsedValues("golden/delta-golden/basic-decimal-table"));
  }

  @Test
  void timestampNtzPartitions() throws IOException {
    Set<Map<String, Object>> rows = parsedValues("golden/delta-golden/data-reader-timestamp_ntz");
    Map<String, Object> none = new HashMap<>();
    none.put("tsNtzPartition", null);
    assertEquals(
        Set.of(
            Map.of("tsNtzPartition", LocalDateTime.of(2021, 11, 18, 2, 30, 0, 123_456_000)),
            Map.of("tsNtzPartition", LocalDateTime.of(2013, 7, 5, 17, 1, 0, 123_456_000)),
            none),
        rows);
  }

  @Test
  void binaryPartitionsAreUtf8() throws IOException {
    Set<String> decoded =
        parsedValues("dat/multi_partitioned/delta").stream()
            .map(row -> (byte[]) row.get("data"))
            .filter(bytes -> bytes != null)
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .collect(Collectors.toSet());
    assertEquals(Set.of("hello", "world", "x", "😈"), decoded);
    byte[] emoji = {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x88};
    assertArrayEquals(emoji, (byte[]) PartitionValues.parse("😈", PrimitiveType.BINARY));
  }

  /**
   * Every partition value of every shared table parses with its column's type, and writing the
   * parsed value gives a string that parses back to it.
   */
  @Test
  void everyPartitionValueInTheCorpusParses() throws IOException {
    List<Path> logs;
    try (Stream<Path> walk = Files.walk(shared)) {
      logs = walk.filter(p -> p.getFileName().toString().equals("_delta_log")).sorted().collect(Collectors.toList());
    }
    int values = 0;
    int unknownColumns = 0;
    List<String> problems = new ArrayList<>();
    for (Path log : logs) {
      Map<String, DataType> columns = new HashMap<>();
      for (Map<String, Object> action : actions(log)) {
        if (action.get("metaData") instanceof Map<?, ?> metaData && metaData.get("schemaString") instanceof String s) {
          columns = columnTypes(s);
          continue;
        }
        for (Map<String, String> partitionValues : partitionValues(action)) {
          for (Map.Entry<String, String> e : partitionValues.entrySet()) {
            DataType type = columns.get(e.getKey());
            if (type == null) {
              unknownColumns++; // schema only in a checkpoint, which this test does not read
              continue;
            }
            values++;
            try {
              Object value = PartitionValues.parse(e.getValue(), type);
              Object again = PartitionValues.parse(PartitionValues.serialize(value, type), type);
              if (!(value instanceof byte[]) && !Objects.equals(value, again)) {
                problems.add(shared.relativize(log) + ": " + e + " wrote back as " + again);
              }
            } catch (IllegalArgumentException ex) {
              problems.add(shared.relativize(log) + ": " + ex.getMessage());
            }
          }
        }
      }
    }
    System.out.printf(
        "PartitionValuesGoldenTest: %d partition values in %d tables parsed and re-serialized, %d problems"
            + " (%d values skipped: their schema is only in a checkpoint)%n",
        values, logs.size(), problems.size(), unknownColumns);
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
    assertTrue(values > 0);
  }

  /** The distinct partition-value rows of a table's add actions, parsed with the schema's types. */
  private static Set<Map<String, Object>> parsedValues(String table) throws IOException {
    Path log = shared.resolve(table).resolve("_delta_log");
    Assumptions.assumeTrue(Files.isDirectory(log), "table not found: " + log);
    Map<String, DataType> columns = new HashMap<>();
    Set<Map<String, Object>> rows = new LinkedHashSet<>();
    for (Map<String, Object> action : actions(log)) {
      if (action.get("metaData") instanceof Map<?, ?> metaData && metaData.get("schemaString") instanceof String s) {
        columns = columnTypes(s);
      }
      if (action.get("add") instanceof Map<?, ?>) {
        for (Map<String, String> raw : partitionValues(action)) {
          Map<String, Object> row = new HashMap<>();
          for (Map.Entry<String, String> e : raw.entrySet()) {
            row.put(e.getKey(), PartitionValues.parse(e.getValue(), columns.get(e.getKey())));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Column types by name and, under column mapping, by physical name (partitionValues keys). */
  private static Map<String, DataType> columnTypes(String schemaString) {
    Map<String, DataType> columns = new HashMap<>();
    try {
      for (StructField field : SchemaJson.parse(schemaString).fields()) {
        columns.put(field.name(), field.type());
        columns.put(field.physicalName(), field.type());
      }
    } catch (IllegalArgumentException unsupported) {
      // e.g. the geospatial table; SchemaCorpusTest checks those messages
    }
    return columns;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> partitionValues(Map<String, Object> action) {
    List<Map<String, String>> found = new ArrayList<>();
    for (String kind : List.of("add", "remove", "cdc")) {
      if (action.get(kind) instanceof Map<?, ?> file && file.get("partitionValues") instanceof Map<?, ?> values) {
        found.add((Map<String, String>) values);
      }
    }
    return found;
  }

  /** Every action of every JSON commit in {@code log}, in file order, read with the streaming parser. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> actions(Path log) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(log)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    List<Map<String, Object>> actions = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try (JsonParser parser = Json.FACTORY.createParser(line)) {
          parser.nextToken();
          if (JsonValues.read(parser) instanceof Map<?, ?> action) {
            actions.add((Map<String, Object>) action);
          }
        }
      }
    }
    return actions;
  }
}
