package io.delta4j;

import io.delta4j.log.ActionWriter;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Writes small hand-made logs into a test directory, commit by commit. */
final class TestLog {
  static final String SCHEMA = "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}";

  final Path root;
  final Path logDir;

  TestLog(Path root) throws IOException {
    this.root = root;
    this.logDir = Files.createDirectories(root.resolve(LogFileNames.LOG_DIR));
  }

  static Protocol protocol() {
    return new Protocol(1, 2);
  }

  static Metadata metadata(Map<String, String> configuration) {
    return new Metadata("test-id", Optional.empty(), Optional.empty(), Format.parquet(), SCHEMA, List.of(),
        OptionalLong.of(0), configuration);
  }

  static AddFile add(String path) {
    return new AddFile(path, Map.of(), 100, 1, true, Optional.empty(), Map.of(), Optional.empty(),
        OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
  }

  static RemoveFile remove(String path) {
    return new RemoveFile(path, OptionalLong.of(5), true, Optional.empty(), Optional.empty(), OptionalLong.empty(),
        Optional.empty(), Map.of(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
  }

  static CommitInfo commitInfo(long inCommitTimestamp) {
    String json = "{\"inCommitTimestamp\":" + inCommitTimestamp + ",\"operation\":\"WRITE\"}";
    return new CommitInfo(OptionalLong.of(inCommitTimestamp), OptionalLong.of(inCommitTimestamp), Optional.of("WRITE"),
        Map.of(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), json);
  }

  /** Writes commit {@code version} with {@code actions}. */
  Path commit(long version, Action... actions) throws IOException {
    return Files.write(logDir.resolve(LogFileNames.commit(version)), ActionWriter.toCommitBytes(List.of(actions)),
        StandardOpenOption.CREATE_NEW);
  }

  /** Writes a V2 checkpoint in JSON form holding {@code actions} (which must be the whole state). */
  Path jsonCheckpoint(long version, Action... actions) throws IOException {
    String name = LogFileNames.paddedVersion(version) + ".checkpoint.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.json";
    return Files.write(logDir.resolve(name), ActionWriter.toCommitBytes(List.of(actions)));
  }

  void setModificationTime(long version, long millis) throws IOException {
    Files.setLastModifiedTime(logDir.resolve(LogFileNames.commit(version)), FileTime.fromMillis(millis));
  }

  /** Replaces a commit's content with garbage, to prove it is not read again. */
  void spoil(long version) throws IOException {
    Files.writeString(logDir.resolve(LogFileNames.commit(version)), "not json\n");
  }
}
