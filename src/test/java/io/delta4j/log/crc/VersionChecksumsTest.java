package io.delta4j.log.crc;

import static io.delta4j.log.crc.ChecksumFixtures.add;
import static io.delta4j.log.crc.ChecksumFixtures.commitInfo;
import static io.delta4j.log.crc.ChecksumFixtures.dv;
import static io.delta4j.log.crc.ChecksumFixtures.featureProtocol;
import static io.delta4j.log.crc.ChecksumFixtures.legacyProtocol;
import static io.delta4j.log.crc.ChecksumFixtures.metadata;
import static io.delta4j.log.crc.ChecksumFixtures.remove;
import static io.delta4j.log.crc.ChecksumFixtures.removeWithoutSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.SetTransaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The computation rules, on actions built in memory. */
class VersionChecksumsTest {
  private static final long MIB = 1024 * 1024;
  private static final Map<String, String> ICT = Map.of("delta.enableInCommitTimestamps", "true");

  /** Version 0 of a table with deletion vectors: two files, a transaction and a domain. */
  private static VersionChecksum created() {
    return VersionChecksums.firstCommit(List.of(
        commitInfo("CREATE TABLE", "t0", 1000L), featureProtocol(), metadata(ICT),
        add("a", 100), add("b", 20 * MIB, Optional.of(dv("b", 12))),
        new SetTransaction("app", 3, OptionalLong.of(5)), new DomainMetadata("d", "{}", false))).orElseThrow();
  }

  @Test
  void firstCommitCountsEverything() {
    VersionChecksum c = created();
    assertEquals(Optional.of("t0"), c.txnId());
    assertEquals(100 + 20 * MIB, c.tableSizeBytes());
    assertEquals(2, c.numFiles());
    assertEquals(OptionalLong.of(12), c.numDeletedRecords());
    assertEquals(OptionalLong.of(1), c.numDeletionVectors());
    assertEquals(1, c.numMetadata());
    assertEquals(1, c.numProtocol());
    assertEquals(OptionalLong.of(1000), c.inCommitTimestamp());
    assertEquals(Optional.of(List.of(new SetTransaction("app", 3, OptionalLong.of(5)))), c.setTransactions());
    assertEquals(Optional.of(List.of(new DomainMetadata("d", "{}", false))), c.domainMetadata());
    FileSizeHistogram h = c.fileSizeHistogram().orElseThrow();
    assertEquals(1L, h.fileCounts().get(0)); // 100 B in [0, 8 KiB)
    assertEquals(100L, h.totalBytes().get(0));
    int bin20MiB = FileSizeHistogram.DEFAULT_BOUNDARIES.indexOf(20 * MIB);
    assertEquals(1L, h.fileCounts().get(bin20MiB));
    assertEquals(2L, h.fileCounts().stream().mapToLong(Long::longValue).sum());
    assertEquals(List.of(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
        c.deletedRecordCountsHistogram().orElseThrow().deletedRecordCounts());
  }

  @Test
  void incrementalAppliesAddsRemovesAndTableActions() {
    VersionChecksum next = VersionChecksums.incremental(created(), 1, List.of(
        commitInfo("DELETE", "t1", 2000L),
        remove("b", 20 * MIB, Optional.of(dv("b", 12))),
        add("b", 20 * MIB, Optional.of(dv("b2", 150))),
        remove("a", 100, Optional.empty()),
        new SetTransaction("app", 4, OptionalLong.of(6)),
        new SetTransaction("other", 1, OptionalLong.empty()),
        new DomainMetadata("d", "{}", true))).orElseThrow();
    assertEquals(Optional.of("t1"), next.txnId());
    assertEquals(20 * MIB, next.tableSizeBytes());
    assertEquals(1, next.numFiles());
    assertEquals(OptionalLong.of(150), next.numDeletedRecords());
    assertEquals(OptionalLong.of(1), next.numDeletionVectors());
    assertEquals(OptionalLong.of(2000), next.inCommitTimestamp());
    assertEquals(Optional.of(List.of(new SetTransaction("app", 4, OptionalLong.of(6)),
        new SetTransaction("other", 1, OptionalLong.empty()))), next.setTransactions());
    assertEquals(Optional.of(List.of()), next.domainMetadata());
    assertEquals(0L, next.fileSizeHistogram().orElseThrow().fileCounts().get(0));
    assertEquals(List.of(0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L),
        next.deletedRecordCountsHistogram().orElseThrow().deletedRecordCounts());
  }

  @Test
  void refusesWhatItCannotComputeExactly() {
    VersionChecksum base = created();
    // A remove without its size.
    assertEquals(Optional.empty(), VersionChecksums.incremental(base, 1,
        List.of(commitInfo("DELETE", "t", 2000L), removeWithoutSize("a"))));
    // Adds that may re-add a live file: an operation outside the trusted list, or none at all.
    assertEquals(Optional.empty(), VersionChecksums.incremental(base, 1,
        List.of(commitInfo("COMPUTE STATS", "t", 2000L), add("a", 100))));
    VersionChecksum withoutIct =
        VersionChecksums.firstCommit(List.of(legacyProtocol(), metadata(Map.of()))).orElseThrow();
    assertEquals(Optional.empty(), VersionChecksums.incremental(withoutIct, 1, List.of(add("c", 1))));
    // The same logical file added and removed.
    assertEquals(Optional.empty(), VersionChecksums.incremental(base, 1,
        List.of(commitInfo("WRITE", "t", 2000L), remove("a", 100, Optional.empty()), add("a", 100))));
    // In-commit timestamps enabled, but the commit carries none.
    assertEquals(Optional.empty(), VersionChecksums.incremental(base, 1,
        List.of(commitInfo("WRITE", "t", null), add("c", 1))));
    // A remove of a file the previous checksum did not count: the totals would go negative.
    assertEquals(Optional.empty(), VersionChecksums.incremental(base, 1,
        List.of(commitInfo("DELETE", "t", 2000L), remove("x", 30 * MIB, Optional.empty()))));
    // Version 0 without metadata.
    assertEquals(Optional.empty(), VersionChecksums.firstCommit(List.of(featureProtocol(), add("a", 1))));
  }

  @Test
  void commitsWithoutAddsNeedNoTrustedOperation() {
    VersionChecksum next = VersionChecksums.incremental(created(), 1, List.of(
        commitInfo("SET TBLPROPERTIES", "t", 2000L), metadata(Map.of()))).orElseThrow();
    assertEquals(metadata(Map.of()), next.metadata());
    assertEquals(OptionalLong.empty(), next.inCommitTimestamp()); // disabled by the new metadata
  }

  @Test
  void optionalFieldsMissingBeforeStayMissingUnlessTheyFollow() {
    VersionChecksum sparse = new VersionChecksum(Optional.empty(), 100, 1, OptionalLong.empty(),
        OptionalLong.empty(), 1, 1, OptionalLong.empty(), Optional.empty(), Optional.empty(),
        metadata(Map.of()), legacyProtocol(), Optional.empty(), Optional.empty());
    // The commit turns deletion vectors on: without them before, no file had one, so the DV
    // metrics and their histogram follow; the size histogram, transactions and domains do not.
    VersionChecksum next = VersionChecksums.incremental(sparse, 1, List.of(
        commitInfo("WRITE", "t", null), featureProtocol(), add("b", 10, Optional.of(dv("b", 3))),
        new SetTransaction("app", 1, OptionalLong.empty()))).orElseThrow();
    assertEquals(OptionalLong.of(3), next.numDeletedRecords());
    assertEquals(OptionalLong.of(1), next.numDeletionVectors());
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
        next.deletedRecordCountsHistogram().orElseThrow().deletedRecordCounts());
    assertEquals(Optional.empty(), next.fileSizeHistogram());
    assertEquals(Optional.empty(), next.setTransactions());
    assertEquals(Optional.empty(), next.domainMetadata());
    // An empty table's histogram is known without being written down.
    VersionChecksum empty = new VersionChecksum(Optional.empty(), 0, 0, OptionalLong.empty(),
        OptionalLong.empty(), 1, 1, OptionalLong.empty(), Optional.empty(), Optional.empty(),
        metadata(Map.of()), legacyProtocol(), Optional.empty(), Optional.empty());
    VersionChecksum first = VersionChecksums.incremental(empty, 1,
        List.of(commitInfo("WRITE", "t", null), add("a", 9000))).orElseThrow();
    assertEquals(1L, first.fileSizeHistogram().orElseThrow().fileCounts().get(1));
    assertEquals(OptionalLong.empty(), first.numDeletedRecords()); // no deletion vectors in the protocol
  }

  @Test
  void leavesOutTransactionsWhenManyOrExpiring() {
    List<Action> actions = new ArrayList<>(List.of(commitInfo("WRITE", "t", null), legacyProtocol(),
        metadata(Map.of())));
    for (int i = 0; i <= ChecksumState.MAX_SET_TRANSACTIONS; i++) {
      actions.add(new SetTransaction("app-" + i, i, OptionalLong.empty()));
    }
    assertEquals(Optional.empty(), VersionChecksums.firstCommit(actions).orElseThrow().setTransactions());
    VersionChecksum expiring = VersionChecksums.firstCommit(List.of(legacyProtocol(),
        metadata(Map.of("delta.setTransactionRetentionDuration", "interval 1 day")),
        new SetTransaction("app", 1, OptionalLong.of(1)))).orElseThrow();
    assertEquals(Optional.empty(), expiring.setTransactions());
  }

  @Test
  void listsAreSortedSoThatEqualStatesAreEqual() {
    SetTransaction a = new SetTransaction("a", 1, OptionalLong.empty());
    SetTransaction b = new SetTransaction("b", 2, OptionalLong.empty());
    List<SetTransaction> reversed = new ArrayList<>(List.of(b, a));
    VersionChecksum c = new VersionChecksum(Optional.empty(), 0, 0, OptionalLong.empty(), OptionalLong.empty(),
        1, 1, OptionalLong.empty(), Optional.of(reversed), Optional.of(List.of()), metadata(Map.of()),
        legacyProtocol(), Optional.empty(), Optional.empty());
    assertEquals(List.of(a, b), c.setTransactions().orElseThrow());
    Collections.reverse(reversed);
    assertSame(a, c.setTransactions().orElseThrow().get(0), "the record keeps its own copy");
  }
}
