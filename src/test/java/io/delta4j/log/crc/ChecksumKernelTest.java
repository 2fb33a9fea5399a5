package io.delta4j.log.crc;

import static io.delta4j.log.crc.ChecksumFixtures.add;
import static io.delta4j.log.crc.ChecksumFixtures.commit;
import static io.delta4j.log.crc.ChecksumFixtures.commitInfo;
import static io.delta4j.log.crc.ChecksumFixtures.dv;
import static io.delta4j.log.crc.ChecksumFixtures.featureProtocol;
import static io.delta4j.log.crc.ChecksumFixtures.metadata;
import static io.delta4j.log.crc.ChecksumFixtures.remove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.checksum.CRCInfo;
import io.delta.kernel.utils.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.storage.LocalStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta Kernel (test scope) as the oracle: it loads a table carrying our {@code .crc} files, takes
 * them as its checksum (protocol, metadata, domains, statistics), and agrees with them; and the
 * {@code .crc} Kernel computes itself reads back, with our reader, equal to our full computation.
 */
class ChecksumKernelTest {
  private static final Engine ENGINE = DefaultEngine.create(new Configuration());
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  /**
   * Four commits: create, an append of files of many sizes, one with a deletion vector, a delete,
   * and a DV update. More than 20 files, so that Kernel leaves {@code allFiles} out of its own
   * checksum: Kernel 4.4.0 cannot serialize an {@code allFiles} entry that has a deletion vector.
   */
  private static List<List<Action>> commits() {
    List<Action> append = new ArrayList<>(List.of(commitInfo("WRITE", "t1", 1_700_000_001_000L),
        add("b", 20 * MIB, Optional.of(dv("b", 4))), add("c", 200 * MIB),
        new SetTransaction("stream", 7, OptionalLong.of(1_700_000_001_000L))));
    for (int i = 0; i < 25; i++) {
      append.add(add("s" + i, 1000L << i));
    }
    Map<String, String> config = Map.of("delta.enableInCommitTimestamps", "true",
        "delta.enableDeletionVectors", "true");
    return List.of(
        List.of(commitInfo("CREATE TABLE", "t0", 1_700_000_000_000L), featureProtocol(), metadata(config),
            add("a", 100), new DomainMetadata("app.settings", "{\"k\":1}", false)),
        append,
        List.of(commitInfo("DELETE", "t2", 1_700_000_002_000L), remove("a", 100, Optional.empty()),
            new DomainMetadata("app.other", "x", false)),
        List.of(commitInfo("DELETE", "t3", 1_700_000_003_000L), remove("b", 20 * MIB, Optional.of(dv("b", 4))),
            add("b", 20 * MIB, Optional.of(dv("b2", 25))), new SetTransaction("stream", 8, OptionalLong.empty())));
  }

  private void writeTable(boolean withChecksums) throws IOException {
    LocalStorage storage = new LocalStorage();
    List<List<Action>> commits = commits();
    for (int v = 0; v < commits.size(); v++) {
      commit(dir, v, commits.get(v));
      if (withChecksums) {
        assertTrue(VersionChecksums.afterCommit(storage, dir.toUri(), "t", v, commits.get(v), Optional.empty())
            .isPresent(), "checksum of " + v);
      }
    }
  }

  @Test
  void kernelTakesOurChecksumAndAgrees() throws IOException {
    writeTable(true);
    VersionChecksum ours = VersionChecksums.read(new LocalStorage(), dir.toUri(), "t", 3).orElseThrow();
    io.delta.kernel.Snapshot snapshot = Table.forPath(ENGINE, dir.toString()).getLatestSnapshot(ENGINE);
    CRCInfo crc = snapshot.getCurrentCrcInfo().orElseThrow(); // Kernel read our 3.crc

    assertEquals(3, crc.getVersion());
    assertEquals(ours.tableSizeBytes(), crc.getTableSizeBytes());
    assertEquals(ours.numFiles(), crc.getNumFiles());
    assertEquals(Optional.of("t3"), crc.getTxnId());
    assertEquals(Optional.of(1_700_000_003_000L), crc.getInCommitTimestamp());
    assertEquals(Optional.of(25L), crc.getNumDeletedRecords());
    assertEquals(Optional.of(1L), crc.getNumDeletionVectors());
    assertEquals(Map.of("app.settings", "{\"k\":1}", "app.other", "x"), kernelDomains(crc));
    assertEquals("stream=8", crc.getSetTransactions().orElseThrow().stream()
        .map(t -> t.getAppId() + "=" + t.getVersion()).reduce("", String::concat));
    FileSizeHistogram h = ours.fileSizeHistogram().orElseThrow();
    assertEquals(new io.delta.kernel.internal.stats.FileSizeHistogram(longs(h.sortedBinBoundaries()),
        longs(h.fileCounts()), longs(h.totalBytes())), crc.getFileSizeHistogram().orElseThrow());
    assertEquals(ours.metadata().id(), crc.getMetadata().getId());
    assertEquals(ours.metadata().configuration(), crc.getMetadata().getConfiguration());
    assertEquals(ours.protocol().writerFeatures(), new TreeSet<>(crc.getProtocol().getWriterFeatures()));

    // The snapshot Kernel built on it is the table's.
    assertEquals(3, snapshot.getVersion());
    assertEquals(1_700_000_003_000L, snapshot.getTimestamp(ENGINE));
    assertEquals(Optional.of("x"), snapshot.getDomainMetadata("app.other"));
    assertEquals(Optional.of(8L), snapshot.getLatestTransactionVersion(ENGINE, "stream"));
    assertEquals(ours.numFiles(), kernelFileCount(snapshot));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(Checksums.withoutTxnId(ours), VersionChecksums.full(t.snapshot()));
    }
  }

  @Test
  void kernelsOwnChecksumEqualsOurFullComputation() throws IOException {
    writeTable(false);
    Table.forPath(ENGINE, dir.toString()).getLatestSnapshot(ENGINE)
        .writeChecksum(ENGINE, io.delta.kernel.Snapshot.ChecksumWriteMode.FULL);
    assertTrue(Files.exists(dir.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.checksum(3))));
    VersionChecksum kernels = VersionChecksums.read(new LocalStorage(), dir.toUri(), "t", 3).orElseThrow();
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      VersionChecksum ours = VersionChecksums.full(t.snapshot());
      assertEquals(List.of(), Checksums.differences(kernels, ours));
      // What Kernel wrote, so that the comparison is not vacuous.
      assertTrue(kernels.fileSizeHistogram().isPresent() && kernels.domainMetadata().isPresent()
          && kernels.setTransactions().isPresent() && kernels.numDeletedRecords().isPresent(), kernels.toString());
    }
  }

  private static Map<String, String> kernelDomains(CRCInfo crc) {
    Map<String, String> domains = new TreeMap<>();
    crc.getDomainMetadata().orElseThrow().forEach(d -> domains.put(d.getDomain(), d.getConfiguration()));
    return domains;
  }

  private static long kernelFileCount(io.delta.kernel.Snapshot snapshot) throws IOException {
    long count = 0;
    try (CloseableIterator<FilteredColumnarBatch> batches = snapshot.getScanBuilder().build().getScanFiles(ENGINE)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            rows.next();
            count++;
          }
        }
      }
    }
    return count;
  }

  private static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
