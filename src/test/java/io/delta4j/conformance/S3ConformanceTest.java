package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.storage.S3TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-path conformance cases of a set of varied reference tables, run on S3: each table is
 * uploaded as it is to the embedded S3 server and opened there through the public API with
 * {@code StorageOptions}, and must give the answers cases.tsv expects on local disk. Skipped when
 * the shared tables are absent, as {@link ConformanceTest} is.
 */
class S3ConformanceTest {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();
  @TempDir static Path workDir;

  /** One or two of each kind of log and layout a reader meets. */
  static final Set<String> TABLES = Set.of(
      "golden/delta-golden/basic-with-inserts-deletes-checkpoint", // classic checkpoint, Delta Lake, 14 commits
      "delta-rs-data/checkpoints", // classic checkpoints, read at every version
      "golden/delta-golden/multi-part-checkpoint",
      "golden/delta-golden/v2-checkpoint-parquet", // V2 checkpoint with sidecars
      "golden/kernel/basic-dv-with-checkpoint", // deletion vectors, Delta Lake, 47 commits
      "golden/delta-golden/dv-with-columnmapping", // column mapping (name) with deletion vectors
      "golden/delta-golden/hive/deltatbl-special-chars-in-partition-column", // "c2=+ %3D%250"
      "delta-rs-data/delta-0.8.0-special-partition", // "x=A%2FA", "x=B%20B"
      "delta-rs-data/cdf-table"); // change data feed

  /** Tables written by Delta Lake (Spark) itself, for the file list check. */
  static final List<String> DELTA_LAKE_TABLES = List.of(
      "golden/delta-golden/basic-with-inserts-deletes-checkpoint",
      "golden/delta-golden/multi-part-checkpoint",
      "golden/delta-golden/v2-checkpoint-parquet",
      "golden/kernel/basic-dv-with-checkpoint",
      "golden/delta-golden/dv-with-columnmapping",
      "golden/delta-golden/hive/deltatbl-special-chars-in-partition-column",
      "golden/delta-golden/data-reader-partition-values",
      "golden/delta-golden/data-reader-escaped-chars",
      "golden/delta-golden/snapshot-data3");

  private static S3Tables twins;

  private static synchronized S3Tables twins(Path shared) {
    if (twins == null) {
      twins = new S3Tables(S3, shared, workDir);
    }
    return twins;
  }

  @TestFactory
  Stream<DynamicTest> conformanceOnS3() {
    Optional<Path> shared = SharedTables.find();
    if (shared.isEmpty()) {
      return Stream.of(dynamicTest("conformance on S3 (no shared tables)", () -> Assumptions.abort(skipMessage())));
    }
    Corpus corpus = Corpus.shared(shared.get()).relabelled("conformance on S3");
    Set<String> withCases = CaseFile.load(corpus).stream().map(ConformanceCase::table).collect(Collectors.toSet());
    Set<String> without = TABLES.stream().filter(t -> !withCases.contains(t)).collect(Collectors.toSet());
    if (!without.isEmpty()) {
      return Stream.of(dynamicTest("conformance on S3", () -> fail("cases.tsv has no case for " + without)));
    }
    return ConformanceSuite.dynamicTests(
        corpus, workDir, twins(shared.get()).locations(), c -> TABLES.contains(c.table()));
  }

  /** A table written by Delta Lake, uploaded to S3 as it is, lists the same files as on local disk. */
  @TestFactory
  Stream<DynamicTest> deltaLakeTablesListTheSameFilesOnS3() {
    Optional<Path> shared = SharedTables.find();
    if (shared.isEmpty()) {
      return Stream.of(dynamicTest("file lists on S3 (no shared tables)", () -> Assumptions.abort(skipMessage())));
    }
    S3Tables s3 = twins(shared.get());
    return DELTA_LAKE_TABLES.stream().map(table -> dynamicTest(table, () -> {
      Path local = shared.get().resolve(table);
      Assumptions.assumeTrue(local.toFile().isDirectory(), "missing data file: " + table);
      try (DeltaTable onDisk = DeltaTable.open(local.toString());
          DeltaTable onS3 = DeltaTable.open(s3.location(local), s3.locations().options())) {
        assertEquals(onDisk.version(), onS3.version());
        assertFalse(onDisk.getFiles().isEmpty());
        assertEquals(onDisk.getFiles(), onS3.getFiles());
        assertEquals(relative(onDisk), relative(onS3), "file URIs relative to the table root");
      }
    }));
  }

  private static List<String> relative(DeltaTable table) {
    return table.getFileUris().stream().map(u -> table.root().relativize(u)).map(URI::toString).toList();
  }

  private static String skipMessage() {
    String message = "conformance on S3: skipped, no shared reference tables at " + SharedTables.configured()
        + " (set -Ddelta4j.shared=<dir holding golden/, kernel-rs-data/, delta-rs-data/, dat/>)";
    System.out.println(message);
    return message;
  }
}
