package io.delta4j.types;

import io.delta4j.SharedTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.util.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conformance over every {@code metaData.schemaString} in the shared reference tables (Spark,
 * Delta Kernel, delta-rs, DAT writers): each must parse, and writing it back must give the same
 * bytes, since Spark writes one canonical form. No writer in the corpus needs the weaker
 * "equal after a second parse" check; if one ever does, list it here with the reason.
 */
class SchemaCorpusTest {
  /**
   * Tables whose schema must be rejected, by path fragment, with the message that names why. A
   * table here that is no longer found fails the test, so the list cannot rot silently.
   */
  private static final Map<String, String> EXPECTED_FAILURES =
      Map.of(
          // Geospatial types (reader feature geospatial) are not supported.
          "kernel-rs-data/data/table-with-geo/",
          "Invalid schema: field \"geom\" has unsupported data type \"geometry(OGC:CRS84)\": delta4j does not"
              + " support the geospatial types of table feature geospatial.");

  @Test
  void everySchemaInTheSharedTablesRoundTripsExactly() throws IOException {
    Path shared = SharedTables.root();

    List<Path> logFiles;
    try (Stream<Path> walk = Files.walk(shared)) {
      logFiles =
          walk.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(SchemaCorpusTest::isInDeltaLog)
              .filter(Files::isRegularFile)
              .sorted()
              .collect(Collectors.toList());
    }

    int schemas = 0;
    int unreadableLines = 0;
    int rejectedAsExpected = 0;
    TreeSet<String> distinct = new TreeSet<>();
    Map<String, Integer> expectedSeen = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Path file : logFiles) {
      String where = shared.relativize(file).toString().replace(File.separatorChar, '/');
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Optional<String> schemaString;
        try {
          schemaString = schemaString(lines.get(i));
        } catch (JsonProcessingException e) {
          unreadableLines++; // a deliberately broken log line is the log parser's business, not ours
          continue;
        }
        if (schemaString.isEmpty()) {
          continue;
        }
        String s = schemaString.get();
        schemas++;
        distinct.add(s);
        String location = where + " line " + (i + 1);
        Optional<Map.Entry<String, String>> expected =
            EXPECTED_FAILURES.entrySet().stream().filter(e -> where.contains(e.getKey())).findFirst();
        if (expected.isPresent()) {
          IllegalArgumentException e =
              assertThrows(IllegalArgumentException.class, () -> SchemaJson.parse(s), location);
          assertEquals(expected.get().getValue(), e.getMessage(), location);
          expectedSeen.merge(expected.get().getKey(), 1, Integer::sum);
          rejectedAsExpected++;
          continue;
        }
        try {
          String written = SchemaJson.toJson(SchemaJson.parse(s));
          if (!written.equals(s)) {
            problems.add(location + ": written back differently:\n  read:  " + s + "\n  wrote: " + written);
          }
        } catch (IllegalArgumentException e) {
          problems.add(location + ": " + e.getMessage());
        }
      }
    }

    System.out.printf(
        "SchemaCorpusTest: %d schemaStrings (%d distinct) in %d log files under %s: %d round-trip byte for byte,"
            + " %d rejected as expected, %d problems (%d log lines were not JSON)%n",
        schemas, distinct.size(), logFiles.size(), shared, schemas - rejectedAsExpected - problems.size(),
        rejectedAsExpected, problems.size(), unreadableLines);
    if (!problems.isEmpty()) {
      fail(problems.size() + " schemas did not round-trip:\n" + String.join("\n", problems));
    }
    assertEquals(EXPECTED_FAILURES.keySet(), expectedSeen.keySet(), "expected failures not found in the corpus");
    assertTrue(schemas > 0, "no schemaString found under " + shared);
  }

  private static boolean isInDeltaLog(Path path) {
    for (Path name : path) {
      if (name.toString().equals("_delta_log")) {
        return true;
      }
    }
    return false;
  }

  /** The {@code metaData.schemaString} of one log line, read with the streaming parser. */
  private static Optional<String> schemaString(String line) throws IOException {
    if (line.isBlank()) {
      return Optional.empty();
    }
    try (JsonParser parser = Json.FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String action = parser.currentName();
        parser.nextToken();
        if (!action.equals("metaData") || parser.currentToken() != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          if (key.equals("schemaString") && parser.currentToken() == JsonToken.VALUE_STRING) {
            return Optional.of(parser.getText());
          }
          parser.skipChildren();
        }
      }
      return Optional.empty();
    }
  }
}
