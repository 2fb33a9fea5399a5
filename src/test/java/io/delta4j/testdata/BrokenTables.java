package io.delta4j.testdata;

import static io.delta4j.testdata.JsonText.obj;
import static io.delta4j.testdata.TableBuilder.protocol;
import static io.delta4j.testdata.TableBuilder.ts;
import static io.delta4j.testdata.TableBuilder.txn;
import static io.delta4j.testdata.TableBuilder.with;
import static io.delta4j.testdata.TestDataGenerator.SIMPLE;
import static io.delta4j.testdata.TestDataGenerator.rows;

import io.delta4j.testdata.TableBuilder.CheckpointInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables under {@code tests-data/broken/}: logs a reader must reject with a precise error,
 * and damaged hints ({@code _last_checkpoint}) or truncated histories it must read through.
 */
final class BrokenTables {
  private static final Map<String, Object> APPEND = obj("mode", "Append", "partitionBy", "[]");

  private BrokenTables() {}

  static void generate(Path out) throws IOException {
    versionGap(out);
    truncatedLastLine(out);
    malformedLine(out);
    unknownFieldsAndActions(out);
    missingAction(out, "missing-protocol");
    missingAction(out, "missing-metadata");
    noDeltaLog(out);
    emptyDeltaLog(out);
    lastCheckpointHint(out, "empty-last-checkpoint");
    lastCheckpointHint(out, "corrupt-last-checkpoint");
    lastCheckpointHint(out, "bad-checksum-last-checkpoint");
    staleLastCheckpoint(out);
    unsupportedProtocol(out, "unsupported-reader-feature",
        protocol(3, 7, List.of("deletionVectors", "fooBar"), List.of("deletionVectors", "fooBar")));
    unsupportedProtocol(out, "reader-version-99", protocol(99, 99, null, null));
    truncatedHistory(out);
    checkpointOnly(out);
    catalogManaged(out);
  }

  /** Version 0: protocol 1/2, metadata and one file of two rows. */
  private static TableBuilder create(Path out, String name) throws IOException {
    TableBuilder t = new TableBuilder(out, name, SIMPLE, List.of());
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(1, 2, null, null),
        t.metaData(Map.of()),
        t.add(Map.of(), rows(1, 2)));
    return t;
  }

  private static void append(TableBuilder t) throws IOException {
    long v = t.nextVersion();
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(1 + 2 * v, 2)));
  }

  /** Commits 0, 1 and 3: commit 2 is missing. */
  private static void versionGap(Path out) throws IOException {
    TableBuilder t = create(out, "version-gap");
    append(t);
    append(t);
    append(t);
    t.deleteCommits(2, 2);
  }

  /** Commit 1's third (last) line is cut in the middle of the JSON, with no final newline. */
  private static void truncatedLastLine(Path out) throws IOException {
    TableBuilder t = create(out, "truncated-last-line");
    String info = JsonText.of(t.commitInfo(false, "WRITE", APPEND));
    String first = JsonText.of(t.add(Map.of(), rows(3, 2)));
    String second = JsonText.of(t.add(Map.of(), rows(5, 2)));
    t.commitText(info + "\n" + first + "\n" + second.substring(0, second.indexOf("\"size\"") + 5));
  }

  /** Commits 0-7; line 3 of commit 7 is an add whose size is the string "abc". */
  private static void malformedLine(Path out) throws IOException {
    TableBuilder t = create(out, "malformed-line");
    for (int i = 1; i < 7; i++) {
      append(t);
    }
    String info = JsonText.of(t.commitInfo(false, "WRITE", APPEND));
    String good = JsonText.of(t.add(Map.of(), rows(15, 2)));
    String bad = JsonText.of(t.add(Map.of(), rows(17, 2))).replaceFirst("\"size\":\\d+", "\"size\":\"abc\"");
    t.commitText(info + "\n" + good + "\n" + bad + "\n");
  }

  /** Unknown top-level actions and unknown fields in every known action: must read fine. */
  private static void unknownFieldsAndActions(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "unknown-fields-and-actions", SIMPLE, List.of());
    Map<String, Object> f0 = t.add(Map.of(), rows(1, 2));
    t.commit(
        with(t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
            "operationMetrics", obj("numFiles", 1, "numOutputRows", "2", "ratio", 0.5, "nested", obj("list", List.of(1, "two", true))),
            "futureInfo", List.of(obj("a", null))),
        with(protocol(1, 2, null, null), "futureProtocolField", obj("a", 1)),
        with(t.metaData(Map.of()), "futureMetaField", Arrays.asList(1, "two", null)),
        with(f0, "futureAddField", obj("nested", obj("deep", true))));
    Map<String, Object> f1 = t.add(Map.of(), rows(3, 2));
    t.commit(
        t.commitInfo(false, "WRITE", APPEND),
        "{\"futureAction\":{\"path\":\"not-a-data-file.parquet\",\"size\":1,\"dataChange\":true}}",
        with(f1, "futureAddField", "x"),
        "{\"futureAction2\":{\"items\":[1,2,{\"deep\":[]}]},\"futureSibling\":null}");
    t.commit(
        t.commitInfo(false, "DELETE", obj("predicate", "[\"(id#0 < 3)\"]")),
        with(t.remove(f0), "futureRemoveField", 42),
        with(txn("app", 1, ts(2)), "futureTxnField", "y"),
        "{\"futureAction\":{\"remove\":{\"path\":\"" + ((Map<?, ?>) f1.get("add")).get("path") + "\"}}}");
  }

  /** Both commits lack the named action: "missing-protocol" or "missing-metadata". */
  private static void missingAction(Path out, String name) throws IOException {
    TableBuilder t = new TableBuilder(out, name, SIMPLE, List.of());
    Map<String, Object> info = t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]"));
    Map<String, Object> add = t.add(Map.of(), rows(1, 2));
    if (name.equals("missing-protocol")) {
      t.commit(info, t.metaData(Map.of()), add);
    } else {
      t.commit(info, protocol(1, 2, null, null), add);
    }
    append(t);
  }

  /** A directory holding one Parquet file and no _delta_log. */
  private static void noDeltaLog(Path out) throws IOException {
    Path dir = out.resolve("no-delta-log");
    Files.createDirectories(dir);
    ParquetFiles.writeData(
        dir.resolve("part-00000-00000000-0000-0000-0000-000000000000.c000.snappy.parquet"),
        ParquetFiles.message("optional int64 id;", "optional binary name (STRING);"),
        rows(1, 2));
  }

  /** An empty _delta_log directory; git keeps it through a hidden file, which listings ignore. */
  private static void emptyDeltaLog(Path out) throws IOException {
    Path log = out.resolve("empty-delta-log/_delta_log");
    Files.createDirectories(log);
    Files.writeString(log.resolve(".gitkeep"), "");
  }

  /**
   * Commits 2-3 and a classic checkpoint at 2 (commits 0-1 cleaned up), with a damaged
   * {@code _last_checkpoint}: empty, not JSON, or with a checksum that does not match.
   */
  private static void lastCheckpointHint(Path out, String name) throws IOException {
    TableBuilder t = create(out, name);
    append(t);
    append(t);
    CheckpointInfo info = t.classicCheckpoint();
    append(t);
    t.deleteCommits(0, 1);
    switch (name) {
      case "empty-last-checkpoint" -> t.lastCheckpointText("");
      case "corrupt-last-checkpoint" -> t.lastCheckpointText("{\"version\":\"two\",\"size\":[}\n");
      default -> {
        // The checksum of the same document with version 1: the content no longer matches it.
        Map<String, Object> json = TableBuilder.lastCheckpointJson(info);
        Map<String, Object> tampered = TableBuilder.lastCheckpointJson(
            new CheckpointInfo(1, info.size(), info.parts(), info.sizeInBytes(), info.numOfAddFiles()));
        json.put("checksum", tampered.get("checksum"));
        t.lastCheckpointText(JsonText.of(json) + "\n");
      }
    }
  }

  /**
   * Commits 10-12 and a classic checkpoint at 10 (commits 0-9 cleaned up); {@code _last_checkpoint}
   * points at version 20, beyond the log, with a valid checksum.
   */
  private static void staleLastCheckpoint(Path out) throws IOException {
    TableBuilder t = create(out, "stale-last-checkpoint");
    for (int v = 1; v <= 9; v++) {
      t.commit(
          t.commitInfo(false, "STREAMING UPDATE", obj("outputMode", "Append", "epochId", String.valueOf(v))),
          txn("stream", v, ts(v)));
    }
    append(t);
    CheckpointInfo info = t.classicCheckpoint();
    append(t);
    append(t);
    t.deleteCommits(0, 9);
    t.lastCheckpoint(new CheckpointInfo(20, info.size(), null, info.sizeInBytes(), info.numOfAddFiles()));
  }

  /** Version 0 carries a protocol this reader must refuse. */
  private static void unsupportedProtocol(Path out, String name, Map<String, Object> protocol) throws IOException {
    TableBuilder t = new TableBuilder(out, name, SIMPLE, List.of());
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol,
        t.metaData(Map.of()),
        t.add(Map.of(), rows(1, 2)));
  }

  /** In-commit timestamps; commits 5-8 and a classic checkpoint at 5 (commits 0-4 cleaned up). */
  private static void truncatedHistory(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "truncated-history", SIMPLE, List.of());
    t.commit(
        t.commitInfo(true, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(1, 7, null, List.of("inCommitTimestamp")),
        t.metaData(obj("delta.enableInCommitTimestamps", "true")),
        t.add(Map.of(), rows(1, 2)));
    for (int v = 1; v <= 8; v++) {
      t.commit(t.commitInfo(true, "WRITE", APPEND), t.add(Map.of(), rows(1 + 2 * v, 2)));
      if (v == 5) {
        t.lastCheckpoint(t.classicCheckpoint());
      }
    }
    t.deleteCommits(0, 4);
  }

  /** Only a classic checkpoint at 3 and commit 4: no commit at or before 3 remains. */
  private static void checkpointOnly(Path out) throws IOException {
    TableBuilder t = create(out, "checkpoint-only");
    append(t);
    append(t);
    append(t);
    t.lastCheckpoint(t.classicCheckpoint());
    append(t);
    t.deleteCommits(0, 3);
  }

  /** A catalog-managed table (reader feature catalogManaged) with a staged, unpublished commit 2. */
  private static void catalogManaged(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "catalog-managed", SIMPLE, List.of());
    t.commit(
        t.commitInfo(true, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(3, 7, List.of("catalogManaged"), List.of("catalogManaged", "inCommitTimestamp")),
        t.metaData(obj("delta.enableInCommitTimestamps", "true")),
        t.add(Map.of(), rows(1, 2)));
    t.commit(t.commitInfo(true, "WRITE", APPEND), t.add(Map.of(), rows(3, 2)));
    Path staged = t.log.resolve("_staged_commits");
    Files.createDirectories(staged);
    String content = JsonText.of(t.commitInfo(true, "WRITE", APPEND)) + "\n" + JsonText.of(t.add(Map.of(), rows(5, 2))) + "\n";
    Files.writeString(
        staged.resolve(String.format(Locale.ROOT, "%020d.%s.json", 2, t.uuid("staged-2"))), content, StandardCharsets.UTF_8);
  }
}
