package io.delta4j.log.crc;

import io.delta4j.log.ActionParser;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Helpers for the checksum tests. */
final class Checksums {
  private Checksums() {}

  /** The version a {@code .crc} file is named after. */
  static long version(Path crcFile) {
    return Long.parseLong(crcFile.getFileName().toString().substring(0, 20));
  }

  /** The actions of commit {@code version} of {@code table}. */
  static List<Action> commit(Path table, long version) throws IOException {
    Path file = table.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.commit(version));
    List<Action> actions = new ArrayList<>();
    ActionParser.parse(Files.readAllBytes(file), table.toString(), file.toString(), ActionType.all(), actions::add);
    return actions;
  }

  static VersionChecksum withoutTxnId(VersionChecksum c) {
    return new VersionChecksum(Optional.empty(), c.tableSizeBytes(), c.numFiles(), c.numDeletedRecords(),
        c.numDeletionVectors(), c.numMetadata(), c.numProtocol(), c.inCommitTimestamp(), c.setTransactions(),
        c.domainMetadata(), c.metadata(), c.protocol(), c.fileSizeHistogram(), c.deletedRecordCountsHistogram());
  }

  /**
   * The names of the fields of {@code expected} that {@code actual} does not equal: every required
   * field, and each optional one {@code expected} has (an absent one says nothing).
   */
  static List<String> differences(VersionChecksum expected, VersionChecksum actual) {
    List<String> diff = new ArrayList<>();
    check(diff, "txnId", expected.txnId().isEmpty() || expected.txnId().equals(actual.txnId()));
    check(diff, "tableSizeBytes", expected.tableSizeBytes() == actual.tableSizeBytes());
    check(diff, "numFiles", expected.numFiles() == actual.numFiles());
    check(diff, "numDeletedRecords", present(expected.numDeletedRecords().isPresent(),
        expected.numDeletedRecords(), actual.numDeletedRecords()));
    check(diff, "numDeletionVectors", present(expected.numDeletionVectors().isPresent(),
        expected.numDeletionVectors(), actual.numDeletionVectors()));
    check(diff, "numMetadata", expected.numMetadata() == actual.numMetadata());
    check(diff, "numProtocol", expected.numProtocol() == actual.numProtocol());
    check(diff, "inCommitTimestamp", present(expected.inCommitTimestamp().isPresent(),
        expected.inCommitTimestamp(), actual.inCommitTimestamp()));
    check(diff, "setTransactions", present(expected.setTransactions().isPresent(),
        expected.setTransactions(), actual.setTransactions()));
    check(diff, "domainMetadata", present(expected.domainMetadata().isPresent(),
        expected.domainMetadata(), actual.domainMetadata()));
    check(diff, "metadata", expected.metadata().equals(actual.metadata()));
    check(diff, "protocol", expected.protocol().equals(actual.protocol()));
    check(diff, "fileSizeHistogram", present(expected.fileSizeHistogram().isPresent(),
        expected.fileSizeHistogram(), actual.fileSizeHistogram()));
    check(diff, "deletedRecordCountsHistogram", present(expected.deletedRecordCountsHistogram().isPresent(),
        expected.deletedRecordCountsHistogram(), actual.deletedRecordCountsHistogram()));
    return diff;
  }

  private static boolean present(boolean compare, Object expected, Object actual) {
    return !compare || Objects.equals(expected, actual);
  }

  private static void check(List<String> diff, String field, boolean same) {
    if (!same) {
      diff.add(field);
    }
  }
}
