package io.delta4j;

import static io.delta4j.CheckpointWriteTest.deleteCommits;
import static io.delta4j.CheckpointWriteTest.richTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.Scan;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.DeletionVectorDescriptor;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.SetTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta Kernel (the reference implementation, test scope only) as an oracle: it must read the
 * checkpoints delta4j writes, classic and V2, and every valid table of {@code tests-data/}, with
 * the same version and the same live files (path, size, partition values, deletion vector) as
 * delta4j. Its comparison is public for the write tests ({@code write.KernelWriteInteropTest}).
 */
public class KernelInteropTest {
  private static final Engine ENGINE = DefaultEngine.create(new Configuration());

  @TempDir Path dir;

  /** One live file as both libraries can describe it. */
  public record LiveFile(String path, long size, Map<String, String> partitionValues, String deletionVector) {}

  /** What Kernel sees at the latest version. */
  public record KernelView(long version, Set<LiveFile> files, io.delta.kernel.Snapshot snapshot) {}

  public static KernelView kernel(Path table) throws IOException {
    return kernel(ENGINE, table);
  }

  /** What Kernel, through {@code engine}, sees at the latest version. */
  public static KernelView kernel(Engine engine, Path table) throws IOException {
    io.delta.kernel.Snapshot snapshot = Table.forPath(engine, table.toString()).getLatestSnapshot(engine);
    Scan scan = snapshot.getScanBuilder().build();
    Set<LiveFile> files = new TreeSet<>(KernelInteropTest::compare);
    try (io.delta.kernel.utils.CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (io.delta.kernel.utils.CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            Row row = rows.next();
            Row add = row.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
            DeletionVectorDescriptor dv = InternalScanFileUtils.getDeletionVectorDescriptorFromRow(row);
            files.add(new LiveFile(add.getString(add.getSchema().indexOf("path")),
                add.getLong(add.getSchema().indexOf("size")),
                new TreeMap<>(InternalScanFileUtils.getPartitionValues(row)),
                dv == null ? "" : dv.getUniqueId()));
          }
        }
      }
    }
    return new KernelView(snapshot.getVersion(), files, snapshot);
  }

  static Set<LiveFile> delta4j(Snapshot snapshot) {
    Set<LiveFile> files = new TreeSet<>(KernelInteropTest::compare);
    try (CloseableIterator<AddFile> adds = snapshot.addFiles()) {
      while (adds.hasNext()) {
        AddFile a = adds.next();
        files.add(new LiveFile(a.path(), a.size(), new TreeMap<>(a.partitionValues()),
            a.deletionVector().map(d -> d.uniqueId()).orElse("")));
      }
    }
    return files;
  }

  private static int compare(LiveFile a, LiveFile b) {
    int c = a.path().compareTo(b.path());
    return c != 0 ? c : a.deletionVector().compareTo(b.deletionVector());
  }

  /** Opens {@code table} with both libraries and compares what they see. */
  public static void assertSameTable(Path table) throws IOException {
    KernelView kernel = kernel(table);
    try (DeltaTable t = DeltaTable.open(table.toString())) {
      Snapshot s = t.snapshot();
      assertEquals(s.version(), kernel.version(), "version of " + table);
      assertEquals(new ArrayList<>(delta4j(s)), new ArrayList<>(kernel.files()), "live files of " + table);
      assertEquals(s.metadata().id(), kernel.snapshot().getMetadata().getId());
      assertEquals(s.properties(), kernel.snapshot().getMetadata().getConfiguration());
      assertEquals(s.protocol().minReaderVersion(), kernel.snapshot().getProtocol().getMinReaderVersion());
      assertEquals(s.protocol().minWriterVersion(), kernel.snapshot().getProtocol().getMinWriterVersion());
      assertEquals(s.protocol().readerFeatures(), new TreeSet<>(kernel.snapshot().getProtocol().getReaderFeatures()));
      assertEquals(s.protocol().writerFeatures(), new TreeSet<>(kernel.snapshot().getProtocol().getWriterFeatures()));
      assertEquals(s.partitionColumns(), kernel.snapshot().getPartitionColumnNames());
      for (SetTransaction txn : s.appTransactions().values()) {
        assertEquals(Optional.of(txn.version()),
            kernel.snapshot().getLatestTransactionVersion(ENGINE, txn.appId()), "txn " + txn.appId());
      }
      if (s.protocol().writerFeatures().contains("domainMetadata")) {
        for (String domain : s.domainMetadata().keySet()) {
          assertEquals(Optional.of(s.domainMetadata(domain).orElseThrow().configuration()),
              kernel.snapshot().getDomainMetadata(domain), "domain " + domain);
        }
      }
    }
  }

  @Test
  void kernelReadsDelta4jsClassicCheckpoint() throws IOException {
    TestLog log = richTable(dir, Map.of("delta.enableDeletionVectors", "true"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    cleanUp(log);
    assertSameTable(dir);
    assertEquals(3, kernel(dir).files().size());
  }

  /**
   * Deletes the commits before the checkpoint at 3, as metadata cleanup does: it keeps the commit
   * at the checkpoint version ("Metadata Cleanup"), and Kernel refuses a log without it.
   */
  private static void cleanUp(TestLog log) throws IOException {
    deleteCommits(log, 2);
  }

  @Test
  void kernelReadsDelta4jsV2CheckpointWithSidecars() throws IOException {
    TestLog log = richTable(dir, Map.of("delta.checkpointPolicy", "v2", "delta.enableDeletionVectors", "true"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint(CheckpointOptions.defaults().withActionsPerSidecar(2));
    }
    cleanUp(log);
    try (Stream<Path> sidecars = Files.list(log.logDir.resolve(LogFileNames.SIDECAR_DIR))) {
      assertEquals(3, sidecars.count());
    }
    assertSameTable(dir);
    assertEquals(3, kernel(dir).files().size());
  }

  @Test
  void kernelReadsACheckpointFollowedByCommits() throws IOException {
    TestLog log = richTable(dir, Map.of());
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    cleanUp(log);
    log.commit(4, TestLog.commitInfo(CheckpointWriteTest.NOW), CheckpointWriteTest.remove(
        "part=__HIVE_DEFAULT_PARTITION__/f1.parquet", OptionalLong.of(CheckpointWriteTest.NOW), null, Optional.empty()));
    assertSameTable(dir);
    assertEquals(2, kernel(dir).files().size());
  }

  /**
   * Tables of tests-data that Kernel 4.4.0 reads differently from delta4j, with the reason; each
   * is a Kernel divergence from PROTOCOL.md (tests-data/README.md gives the expected answers).
   * Kernel must still differ on them, so that this list stays true.
   */
  static final Map<String, String> KERNEL_DIVERGES = Map.of(
      "broken/checkpoint-only", "Kernel requires the commit at the checkpoint version (\"Missing delta file"
          + " for version 3\"), which the protocol lets cleanup delete",
      "special-paths", "Kernel reconciles removes written with a different but equivalent URI encoding"
          + " (hash%23%31 for hash%231, raw UTF-8 for %-escapes) as different files and keeps them live");

  /** Every table of tests-data that delta4j reads; the broken ones it refuses are left out. */
  @TestFactory
  Stream<DynamicTest> kernelReadsTestDataLikeDelta4j() throws IOException {
    Path root = Path.of("tests-data").toAbsolutePath();
    List<Path> tables = new ArrayList<>();
    try (Stream<Path> logs = Files.walk(root)) {
      logs.filter(p -> p.getFileName().toString().equals(LogFileNames.LOG_DIR) && Files.isDirectory(p))
          .map(Path::getParent).sorted().forEach(tables::add);
    }
    List<Path> readable = new ArrayList<>();
    for (Path table : tables) {
      try {
        DeltaTable.open(table.toString()).close();
        readable.add(table);
      } catch (DeltaException refused) {
        // a broken table on purpose; tests-data/README.md says which error delta4j gives
      }
    }
    assertTrue(readable.size() >= 15, "readable tables: " + readable);
    return readable.stream().map(t -> {
      String name = root.relativize(t).toString().replace('\\', '/');
      String divergence = KERNEL_DIVERGES.get(name);
      if (divergence == null) {
        return DynamicTest.dynamicTest(name, () -> assertSameTable(t));
      }
      return DynamicTest.dynamicTest(name + " (Kernel diverges)", () -> {
        Throwable differs = assertThrows(Throwable.class, () -> assertSameTable(t),
            "Kernel now reads " + name + " like delta4j; drop it from KERNEL_DIVERGES: " + divergence);
        assertTrue(differs instanceof AssertionError || differs.getClass().getName().startsWith("io.delta.kernel"),
            differs.toString());
      });
    });
  }
}
