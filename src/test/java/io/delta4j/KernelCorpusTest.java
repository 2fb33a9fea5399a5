package io.delta4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta4j.KernelInteropTest.KernelView;
import io.delta4j.KernelInteropTest.LiveFile;
import io.delta4j.log.LogFileNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Delta Kernel (test scope) as an oracle over every Delta table of the shared reference corpus:
 * where both read a table, the latest version and the live files (path, size, partition values,
 * deletion vector) must be equal. Where only Kernel fails, the table is printed, not failed
 * (Kernel 4.4 refuses some valid tables); where only delta4j fails, it must be listed in
 * {@link #DELTA4J_REFUSES} with the catalog statement that says it must refuse.
 */
class KernelCorpusTest {
  /**
   * Kernel over the raw local file system: the corpus keeps the Hadoop {@code .x.crc} sidecars
   * of its files (golden-catalog.md), and a few are stale since upstream edited the files
   * (delta-rs-data/cdc_ict_table, golden/delta-golden/checkpoint), which Hadoop's checksumming
   * file system reports as a "Checksum error" before Kernel sees a byte. The cache is off so that
   * a checksumming "file:" file system cached by another test is not handed back instead.
   */
  private static final Engine ENGINE = DefaultEngine.create(rawLocal());

  /** A commit or a checkpoint (classic, multi-part or V2), by PROTOCOL.md "Delta Log Entries" and "Checkpoints". */
  private static final Pattern COMMIT_OR_CHECKPOINT = Pattern.compile(
      "\\d{20}(\\.json|\\.checkpoint(\\.\\d{10}\\.\\d{10}|\\.[0-9a-f-]+)?\\.(parquet|json))");

  /**
   * Tables that Kernel 4.4.0 reads and delta4j refuses on purpose, by path under the shared root,
   * each with the catalog statement that says a reader like delta4j must refuse it. delta4j must
   * still refuse each with a typed error, so that the list stays true.
   */
  static final Map<String, String> DELTA4J_REFUSES = Map.of(
      // Kernel reads only the published commits of these, ignoring the catalog that owns the rest.
      "golden/kernel/catalog-owned-preview", "golden-catalog.md: \"A plain filesystem read sees only v0"
          + " (0 files), so a non-catalog client must refuse\" (reader feature catalogManaged)",
      "golden/kernel-benchmarks/basic_catalog_managed/delta", "golden-catalog.md: \"A filesystem-only read sees"
          + " v1 ...; with the catalog tail, v3\"; the same catalogManaged feature as catalog-owned-preview",
      "kernel-rs-data/unity-catalog/catalog_managed_0", "kernel-rs-catalog.md: \"Without a catalog the filesystem"
          + " view is v0; a reader lacking catalogManaged support must refuse, naming the feature\"",
      // Kernel 4.4 supports the geometry and geography types; delta4j does not (yet) and says so.
      "kernel-rs-data/data/table-with-geo", "kernel-rs-catalog.md: \"either support the types or fail naming"
          + " reader feature `geospatial`\"");

  /**
   * Tables that both read, where Kernel 4.4.0 gives a different answer from the one the catalogs
   * state (and delta4j gives). Kernel must still differ on them, so that the list stays true.
   */
  static final Map<String, String> KERNEL_DIVERGES = Map.of(
      "kernel-rs-data/golden_data/canonicalized-paths-normal-a/delta", canonicalization("normal"),
      "kernel-rs-data/golden_data/canonicalized-paths-normal-b/delta", canonicalization("normal"),
      "kernel-rs-data/golden_data/canonicalized-paths-special-a/delta", canonicalization("special"),
      "kernel-rs-data/golden_data/canonicalized-paths-special-b/delta", canonicalization("special"));

  private static String canonicalization(String kind) {
    return "Kernel keeps the add live, since the remove names it as a file: URI (kernel-rs-catalog.md: \"correct"
        + " answer: v1, 0 files\"; golden-catalog.md: SA-DL \"paths should be canonicalized - " + kind
        + " characters\", Kernel's own test is ignored, issue #2213)";
  }

  private final AtomicInteger compared = new AtomicInteger();
  private final AtomicInteger filesCompared = new AtomicInteger();
  private final List<String> kernelOnlyFailures = new ArrayList<>();
  private final AtomicInteger bothRefuse = new AtomicInteger();
  private final Set<String> refusedAsListed = new TreeSet<>();

  @TestFactory
  Stream<DynamicTest> kernelAndDelta4jSeeTheSameTables() {
    Path root = SharedTables.root();
    List<Path> tables = tables(root);
    Set<String> names = new TreeSet<>();
    long start = System.nanoTime();
    Stream<DynamicTest> perTable = tables.stream().map(table -> {
      String name = root.relativize(table).toString().replace('\\', '/');
      names.add(name);
      String divergence = KERNEL_DIVERGES.get(name);
      if (divergence == null) {
        return DynamicTest.dynamicTest(name, () -> check(name, table));
      }
      return DynamicTest.dynamicTest(name + " (Kernel diverges)", () -> {
        AssertionError differs = assertThrows(AssertionError.class, () -> check(name, table),
            name + ": Kernel now reads it like delta4j; drop it from KERNEL_DIVERGES: " + divergence);
        assertTrue(differs.getMessage().startsWith(name + ": live files"), differs::getMessage);
      });
    });
    DynamicTest summary = DynamicTest.dynamicTest("summary", () -> {
      System.out.printf("KernelCorpusTest: %d tables, %d compared (%d live files), %d Kernel-only failures,"
              + " %d delta4j-only failures allow-listed, %d refused by both, %d where Kernel diverges, %d ms%n",
          tables.size(), compared.get(), filesCompared.get(), kernelOnlyFailures.size(), refusedAsListed.size(),
          bothRefuse.get(), KERNEL_DIVERGES.size(), (System.nanoTime() - start) / 1_000_000);
      kernelOnlyFailures.forEach(f -> System.out.println("  Kernel fails, delta4j reads: " + f));
      assertTrue(tables.size() >= 300, () -> "expected the full corpus, found " + tables.size() + " tables");
      assertTrue(names.containsAll(KERNEL_DIVERGES.keySet()), () -> "KERNEL_DIVERGES names a missing table");
      assertEquals(new TreeSet<>(DELTA4J_REFUSES.keySet()), refusedAsListed,
          "tables Kernel reads and delta4j refuses as listed");
    });
    return Stream.concat(perTable, Stream.of(summary));
  }

  /** Opens {@code table} with both libraries and holds delta4j to the rules in the class comment. */
  private void check(String name, Path table) {
    KernelView kernel;
    try {
      kernel = KernelInteropTest.kernel(ENGINE, table);
    } catch (Exception kernelError) {
      Delta4jView mine = delta4j(name, table);
      if (mine.error() == null) {
        kernelOnlyFailures.add(name + ": " + firstLine(kernelError));
      } else {
        bothRefuse.incrementAndGet();
      }
      return;
    }
    Delta4jView mine = delta4j(name, table);
    String refusal = DELTA4J_REFUSES.get(name);
    if (refusal != null) {
      assertTrue(mine.error() instanceof UnsupportedTableFeatureException || mine.error() instanceof CorruptLogException,
          () -> name + ": listed in DELTA4J_REFUSES (" + refusal + ") but delta4j "
              + (mine.error() == null ? "reads it; drop it from the list" : "fails otherwise: " + mine.error()));
      refusedAsListed.add(name);
      return;
    }
    if (mine.error() != null) {
      fail(name + ": delta4j fails where Kernel reads version " + kernel.version() + ": " + mine.error(), mine.error());
    }
    assertEquals(kernel.version(), mine.version(), () -> name + ": version");
    assertEquals("", differences(kernel.files(), mine.files()), () -> name + ": live files");
    compared.incrementAndGet();
    filesCompared.addAndGet(kernel.files().size());
  }

  /** What delta4j sees at the latest version, or the error it gives. */
  private record Delta4jView(long version, Set<LiveFile> files, DeltaException error) {}

  /** delta4j's view; an error that is not a typed {@code DeltaException} is a bug and fails at once. */
  private static Delta4jView delta4j(String name, Path table) {
    try (DeltaTable t = DeltaTable.open(table.toString())) {
      Snapshot s = t.snapshot();
      return new Delta4jView(s.version(), KernelInteropTest.delta4j(s), null);
    } catch (DeltaException e) {
      return new Delta4jView(-1, Set.of(), e);
    } catch (RuntimeException e) {
      throw new AssertionError(name + ": delta4j fails with an untyped error: " + e, e);
    }
  }

  /** The first few files each side has alone (whole records, so a size or partition value counts), or "". */
  private static String differences(Set<LiveFile> kernel, Set<LiveFile> delta4j) {
    List<LiveFile> kernelOnly = alone(kernel, delta4j);
    List<LiveFile> delta4jOnly = alone(delta4j, kernel);
    if (kernelOnly.isEmpty() && delta4jOnly.isEmpty()) {
      return "";
    }
    return String.format("%d files only Kernel lists, first %s; %d only delta4j lists, first %s",
        kernelOnly.size(), kernelOnly.stream().limit(3).toList(), delta4jOnly.size(), delta4jOnly.stream().limit(3).toList());
  }

  private static List<LiveFile> alone(Set<LiveFile> side, Set<LiveFile> other) {
    Set<LiveFile> rest = new HashSet<>(side);
    rest.removeAll(new HashSet<>(other));
    return rest.stream().sorted(Comparator.comparing(LiveFile::path)).toList();
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return e.getClass().getSimpleName() + ": " + (end < 0 ? message : message.substring(0, end));
  }

  /** Every directory under {@code root} whose {@code _delta_log} holds a commit or a checkpoint. */
  static List<Path> tables(Path root) {
    try (Stream<Path> dirs = Files.walk(root)) {
      return dirs.filter(d -> d.getFileName().toString().equals(LogFileNames.LOG_DIR) && Files.isDirectory(d))
          .filter(KernelCorpusTest::hasCommitOrCheckpoint)
          .map(Path::getParent)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasCommitOrCheckpoint(Path log) {
    try (Stream<Path> files = Files.list(log)) {
      return files.anyMatch(f -> COMMIT_OR_CHECKPOINT.matcher(f.getFileName().toString()).matches());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Configuration rawLocal() {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }
}
