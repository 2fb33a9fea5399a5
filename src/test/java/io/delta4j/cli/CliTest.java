package io.delta4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: commands, flags, output formats and error handling. */
class CliTest {
  private static final String PEOPLE = "tests-data/people";

  record Result(int code, String out, String err) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void filesListsLogPathsOnePerLine() {
    Result r = run("files", PEOPLE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.lines().size() > 0);
    for (String line : r.lines()) {
      assertTrue(line.endsWith(".parquet"), line);
    }
    Result v0 = run("files", PEOPLE, "--version", "0");
    assertEquals(0, v0.code(), v0.err());
    assertTrue(v0.lines().size() < r.lines().size() || !v0.lines().equals(r.lines()));
  }

  @Test
  void infoJsonHasTheDocumentedKeys() {
    Result r = run("info", PEOPLE, "--json");
    assertEquals(0, r.code(), r.err());
    for (String key : List.of("\"table\"", "\"version\"", "\"timestamp\"", "\"numFiles\"", "\"sizeInBytes\"",
        "\"partitionColumns\"", "\"schema\"", "\"protocol\"", "\"properties\"")) {
      assertTrue(r.out().contains(key), key + " in " + r.out());
    }
    int files = run("files", PEOPLE).lines().size();
    assertTrue(r.out().contains("\"numFiles\" : " + files), r.out());
  }

  @Test
  void infoText() {
    Result r = run("info", PEOPLE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("table:             " + PEOPLE + "\nversion:           "), r.out());
  }

  @Test
  void schemaTreeAndJson() {
    Result tree = run("schema", PEOPLE);
    assertEquals(0, tree.code(), tree.err());
    assertTrue(tree.out().startsWith("root\n |-- "), tree.out());
    Result json = run("schema", PEOPLE, "--json");
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().contains("\"type\" : \"struct\""), json.out());
  }

  @Test
  void historyTextAndJson() {
    Result text = run("history", PEOPLE, "--limit", "2");
    assertEquals(0, text.code(), text.err());
    assertEquals(3, text.lines().size(), text.out()); // header + 2 commits
    Result json = run("history", PEOPLE, "--limit", "1", "--json");
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().trim().startsWith("[") && json.out().contains("\"commitInfo\""), json.out());
  }

  @Test
  void errorsAreOneLineOnStderrWithExitCode1(@TempDir Path dir) throws IOException {
    Path notATable = Files.createDirectories(dir.resolve("empty"));
    Result r = run("files", notATable.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith(notATable + ": Not a Delta table"), r.err());

    Result debug = run("files", notATable.toString(), "--debug");
    assertEquals(1, debug.code());
    assertTrue(debug.err().contains("\tat io.delta4j."), "--debug prints the stack trace");
  }

  @Test
  void badTimestampIsAClearError() {
    Result r = run("files", PEOPLE, "--timestamp", "yesterday");
    assertEquals(1, r.code());
    assertEquals(PEOPLE + ": Invalid --timestamp 'yesterday': expected ISO-8601 such as 2024-05-01T10:00:00Z\n", r.err());
  }

  @Test
  void versionAndTimestampAreExclusive() {
    Result r = run("files", PEOPLE, "--version", "1", "--timestamp", "2024-01-01");
    assertEquals(2, r.code(), "picocli's usage error code");
  }
}
