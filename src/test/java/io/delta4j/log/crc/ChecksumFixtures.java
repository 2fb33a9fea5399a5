package io.delta4j.log.crc;

import io.delta4j.log.ActionWriter;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Actions and tables for the checksum tests. */
final class ChecksumFixtures {
  static final String SCHEMA =
      "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}";

  private ChecksumFixtures() {}

  /** Reader 1 / writer 2: no table features, so no deletion vectors. */
  static Protocol legacyProtocol() {
    return new Protocol(1, 2);
  }

  /** Table features with deletion vectors, domain metadata and in-commit timestamps. */
  static Protocol featureProtocol() {
    return new Protocol(3, 7, Set.of("deletionVectors"),
        Set.of("deletionVectors", "domainMetadata", "inCommitTimestamp"));
  }

  static Metadata metadata(Map<String, String> configuration) {
    return new Metadata("9a0c8f0e-6a41-4d4b-9c1e-0f5f3c1b2d7e", Optional.empty(), Optional.empty(),
        Format.parquet(), SCHEMA, List.of(), OptionalLong.of(1_700_000_000_000L), configuration);
  }

  static DeletionVectorDescriptor dv(String id, long cardinality) {
    return new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^" + id, OptionalInt.of(1), 36, cardinality);
  }

  static AddFile add(String path, long size, Optional<DeletionVectorDescriptor> dv) {
    return new AddFile(path, Map.of(), size, 1_700_000_000_000L, true, Optional.empty(), Map.of(), dv,
        OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
  }

  static AddFile add(String path, long size) {
    return add(path, size, Optional.empty());
  }

  /** A remove as Delta writes it, with extended file metadata (size). */
  static RemoveFile remove(String path, long size, Optional<DeletionVectorDescriptor> dv) {
    return new RemoveFile(path, OptionalLong.of(1_700_000_000_000L), true, Optional.of(true),
        Optional.of(Map.of()), OptionalLong.of(size), Optional.empty(), Map.of(), dv, OptionalLong.empty(),
        OptionalLong.empty());
  }

  /** A remove as early writers wrote it, without size. */
  static RemoveFile removeWithoutSize(String path) {
    return new RemoveFile(path, OptionalLong.of(1_700_000_000_000L), true, Optional.empty(), Optional.empty(),
        OptionalLong.empty(), Optional.empty(), Map.of(), Optional.empty(), OptionalLong.empty(),
        OptionalLong.empty());
  }

  /** A commitInfo with {@code operation}, {@code txnId} and, when not null, an in-commit timestamp. */
  static CommitInfo commitInfo(String operation, String txnId, Long inCommitTimestamp) {
    String ict = inCommitTimestamp == null ? "" : "\"inCommitTimestamp\":" + inCommitTimestamp + ",";
    String json = "{" + ict + "\"timestamp\":1700000000000,\"operation\":\"" + operation + "\",\"txnId\":\""
        + txnId + "\"}";
    OptionalLong ictValue = inCommitTimestamp == null ? OptionalLong.empty() : OptionalLong.of(inCommitTimestamp);
    return new CommitInfo(OptionalLong.of(1_700_000_000_000L), ictValue, Optional.of(operation), Map.of(),
        OptionalLong.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.of(txnId),
        Optional.empty(), json);
  }

  /** Writes commit {@code version} of the table at {@code root}. */
  static void commit(Path root, long version, List<? extends Action> actions) throws IOException {
    Path log = Files.createDirectories(root.resolve(LogFileNames.LOG_DIR));
    Files.write(log.resolve(LogFileNames.commit(version)), ActionWriter.toCommitBytes(actions));
  }
}
