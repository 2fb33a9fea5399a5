package io.delta4j.data.dv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.CorruptLogException;
import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.Snapshot;
import io.delta4j.VersionNotFoundException;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deletion vector of every version of the reference tables that have them loads, with the
 * cardinality its descriptor states, the rows the RoaringBitmap library itself decodes from the
 * same bytes, and row indexes inside the file's {@code numRecords}. At the latest version, the
 * live row count (numRecords minus cardinalities) matches what the tables' own test suites
 * expect (shared/golden-catalog.md, kernel-rs-catalog.md, delta-rs-catalog.md).
 */
class DeletionVectorTablesTest {
  private static final Pattern NUM_RECORDS = Pattern.compile("\"numRecords\"\\s*:\\s*(\\d+)");
  private static final String SPARK_TEST_PREFIX = "test%dv%prefix-";

  private final StorageBackend storage = new LocalStorage();

  @TempDir Path temp;

  /** Table under the shared root, live rows expected at the latest version (-1: no stated answer). */
  static Stream<Arguments> sharedTables() {
    return Stream.of(
        Arguments.of("golden/delta-golden/dv-partitioned-with-checkpoint", 35),
        Arguments.of("golden/delta-golden/dv-with-columnmapping", 35),
        Arguments.of("golden/delta-golden/log-replay-dv-key-cases", 47),
        Arguments.of("golden/kernel/basic-dv-no-checkpoint", 8),
        Arguments.of("golden/kernel/basic-dv-with-checkpoint", 454),
        Arguments.of("kernel-rs-data/data/with-short-dv", 7),
        Arguments.of("kernel-rs-data/data/table-with-dv-small", 8),
        Arguments.of("kernel-rs-data/data/cdf-table-with-dv", 10), // "insert 3 @6" undoes the last delete
        Arguments.of("kernel-rs-data/data/cdf-table-with-cdc-and-dvs", 5),
        Arguments.of("delta-rs-data/table-with-dv-small", 8),
        Arguments.of("delta-rs-data/table_with_deletion_logs", 98),
        Arguments.of("delta-rs-data/cdf-table-with-cdc-and-dvs", 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedTables")
  void everyVectorOfEveryVersionLoads(String relative, long expectedLiveRows) {
    Path dir = SharedTables.root().resolve(relative);
    Result result = loadAllVersions(dir);
    assertTrue(result.vectors > 0, "the table has deletion vectors");
    if (expectedLiveRows >= 0) {
      assertEquals(expectedLiveRows, result.liveRows);
    }
  }

  /** Delta-Spark's test tables, whose DV files carry Spark's test-only name prefix. */
  static Stream<Arguments> sparkTables() {
    return Stream.of(
        Arguments.of("golden/spark/table-with-dv-large", 1993),
        Arguments.of("golden/spark/partitioned-table-with-dv-large", 1990),
        Arguments.of("golden/spark/table-with-dv-small", 8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sparkTables")
  void sparkTablesWithTheTestFileNamePrefix(String relative, long expectedLiveRows) {
    Path dir = SharedTables.root().resolve(relative);
    String before = System.setProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY, SPARK_TEST_PREFIX);
    Result result;
    try {
      result = loadAllVersions(dir);
    } finally {
      DeletionVectorsTest.restore(before);
    }
    assertEquals(expectedLiveRows, result.liveRows);
    // Without the hook, as a spec-correct reader, the files are not found.
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      AddFile withDv = adds(table.snapshot()).stream().filter(a -> a.deletionVector().isPresent()).findFirst().orElseThrow();
      CorruptLogException e = assertThrows(CorruptLogException.class,
          () -> DeletionVectors.load(storage, table.root(), withDv.deletionVector().get(), table.name(), withDv.path()));
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
  }

  /** Several vectors share one file: table-with-dv-large has vectors at offsets 1, 43, 85, 127, 169 of one. */
  @Test
  void vectorsShareFiles() {
    Path dir = SharedTables.root().resolve("golden/spark/table-with-dv-large");
    String before = System.setProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY, SPARK_TEST_PREFIX);
    try {
      Result result = loadAllVersions(dir);
      Set<Integer> offsets = result.offsetsByFile.get("m9JzgVlI!?Oy<+3x+y^b");
      assertEquals(Set.of(1, 43, 85, 127, 169), offsets);
    } finally {
      DeletionVectorsTest.restore(before);
    }
  }

  /** kernel-rs src/actions/deletion_vector.rs test_deletion_vector_read: the vector is rows {0, 9}. */
  @Test
  void kernelRsTableWithDvSmall() {
    Path dir = SharedTables.root().resolve("kernel-rs-data/data/table-with-dv-small");
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      List<AddFile> adds = adds(table.snapshot());
      assertEquals(1, adds.size());
      DeletionVectorDescriptor dv = adds.get(0).deletionVector().orElseThrow();
      assertEquals("vBn[lx{q8@P<9BNH/isA", dv.pathOrInlineDv());
      assertArrayEquals(new long[] {0, 9}, DeletionVectors.load(storage, table.root(), dv, table.name()).toArray());
    }
  }

  /**
   * A {@code p} vector under a folder named with special characters. The log holds the placeholder
   * {@code {{FOLDER_WITH_SPECIAL_CHAR}}}; Delta-Spark's test replaces it with the folder's absolute,
   * URL-encoded path, as done here on a copy.
   */
  @Test
  void absolutePathWithSpecialCharacters() throws IOException {
    Path copy = copyTable("golden/spark/table-with-dv-special-char");
    Path folder = copy.resolve("folder&with%special char");
    String encoded = folder.toUri().getRawPath().replaceAll("/$", "");
    assertTrue(encoded.endsWith("/folder&with%25special%20char"), encoded);
    fillPlaceholder(copy, encoded);
    try (DeltaTable table = DeltaTable.open(copy.toString())) {
      AddFile add = adds(table.snapshot()).get(0);
      DeletedRows rows = DeletionVectors.load(storage, table.root(), add.deletionVector().orElseThrow(), table.name(), add.path());
      assertArrayEquals(new long[] {0, 2, 4, 6, 8}, rows.toArray()); // rows 1, 3, 5, 7, 9 remain
    }
  }

  /**
   * With the raw path instead, the {@code p} path mixes a raw folder name with the encoded file name
   * ({@code test%25dv%25prefix-...}). Delta-Spark refuses it (URISyntaxException "Malformed escape
   * pair"); delta4j takes a path that is not valid URI syntax literally, as for {@code add.path}
   * (Locations.resolve), so the file name keeps its {@code %25} and the vector is not found.
   */
  @Test
  void absolutePathWithSpecialCharactersUnencodedIsRefused() throws IOException {
    Path copy = copyTable("golden/spark/table-with-dv-special-char");
    String raw = copy.resolve("folder&with%special char").toString();
    fillPlaceholder(copy, raw);
    try (DeltaTable table = DeltaTable.open(copy.toString())) {
      AddFile add = adds(table.snapshot()).get(0);
      CorruptLogException e = assertThrows(CorruptLogException.class, () -> DeletionVectors.load(
          storage, table.root(), add.deletionVector().orElseThrow(), table.name(), add.path()));
      String file = "file:" + raw + "/test%25dv%25prefix-deletion_vector_67bc892e-2979-4760-a78c-856aba806564.bin";
      assertEquals(Optional.of(file), e.file());
      assertTrue(e.getMessage().startsWith(table.name() + ": Cannot read the deletion vector of " + add.path()
          + " in " + file + " at offset 1: the file "), e.getMessage());
      assertTrue(e.getMessage().endsWith(" does not exist; it may have been deleted (by VACUUM) after the snapshot"
          + " was read, or the table is incomplete."), e.getMessage());
    }
  }

  /**
   * kernel-rs data/cdf-table-with-dv, written with the Rust z85 crate: its 34-byte inline vector at
   * version 5 ends in the crate's padded tail {@code ##093}, rows {3} (the catalog's "delete 3 @5").
   */
  @Test
  void inlineVectorWithTheRustCratesPaddedTail() {
    Path dir = SharedTables.root().resolve("kernel-rs-data/data/cdf-table-with-dv");
    try (DeltaTable table = DeltaTable.open(dir.toString(), 5)) {
      DeletionVectorDescriptor dv = adds(table.snapshot()).get(0).deletionVector().orElseThrow();
      assertEquals("^Bg9^0rr910000000000iXQKl0rr91000005c8Xg##093", dv.pathOrInlineDv());
      assertArrayEquals(new long[] {3}, DeletionVectors.load(storage, table.root(), dv, table.name()).toArray());
    }
  }

  /** Damaged copies of kernel-rs table-with-dv-small, whose vector is 36 bytes at offset 1. */
  @Test
  void corruptedCopiesOfARealTable() throws IOException {
    String dvName = "deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin";
    String dataFile = "part-00000-fae5310a-a37d-4e51-827b-c3d5516560ca-c000.snappy.parquet";
    String prefix = ": Cannot read the deletion vector of " + dataFile + " in " + dvName + " at offset 1: ";

    Path copy = copyTable("kernel-rs-data/data/table-with-dv-small");
    byte[] good = Files.readAllBytes(copy.resolve(dvName));

    byte[] flipped = good.clone();
    flipped[1 + 4 + 30] ^= 0x01; // inside the bitmap
    Files.write(copy.resolve(dvName), flipped);
    CorruptLogException crc = loadFailure(copy);
    assertTrue(crc.getMessage().contains(prefix + "the CRC-32 of its 36 bytes is "), crc.getMessage());
    assertTrue(crc.getMessage().endsWith(", but the file records " + String.format("%08x",
        ByteBuffer.wrap(good, 1 + 4 + 36, 4).getInt()) + ": the file is damaged."), crc.getMessage());
    assertEquals(Optional.of(dvName), crc.file());

    byte[] magic = good.clone();
    magic[1 + 4] = 0x00; // the magic's first byte, with the CRC recomputed to match
    CRC32 sum = new CRC32();
    sum.update(magic, 5, 36);
    ByteBuffer.wrap(magic).putInt(1 + 4 + 36, (int) sum.getValue());
    Files.write(copy.resolve(dvName), magic);
    assertEquals(copy + prefix + "it starts with the magic number 1681511168 (bytes 00 d3 39 64), not 1681511377 (d1"
        + " d3 39 64) as PROTOCOL.md \"Deletion Vector Format\" requires.", loadFailure(copy).getMessage());

    Files.write(copy.resolve(dvName), good);
    Path commit = copy.resolve("_delta_log/00000000000000000001.json");
    String log = Files.readString(commit, StandardCharsets.UTF_8);
    assertTrue(log.contains("\"sizeInBytes\":36"));
    Files.writeString(commit, log.replace("\"sizeInBytes\":36", "\"sizeInBytes\":40"), StandardCharsets.UTF_8);
    assertEquals(copy + prefix + "the file records a size of 36 bytes, but the log's sizeInBytes is 40.",
        loadFailure(copy).getMessage());
  }

  private CorruptLogException loadFailure(Path table) {
    try (DeltaTable opened = DeltaTable.open(table.toString())) {
      AddFile add = adds(opened.snapshot()).get(0);
      return assertThrows(CorruptLogException.class, () -> DeletionVectors.load(
          storage, opened.root(), add.deletionVector().orElseThrow(), opened.name(), add.path()));
    }
  }

  /** tests-data/dv-keys (tests-data/README.md): inline and on-disk vectors, two in one file. */
  @Test
  void testsDataDvKeys() {
    Path dir = Path.of("tests-data/dv-keys").toAbsolutePath();
    Result result = loadAllVersions(dir);
    assertEquals(23, result.liveRows);
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      Map<String, long[]> byFile = new TreeMap<>();
      Map<String, String> ids = new TreeMap<>();
      for (AddFile add : adds(table.snapshot())) {
        add.deletionVector().ifPresent(dv -> {
          byFile.put(add.path().substring(0, 10), DeletionVectors.load(storage, table.root(), dv, table.name()).toArray());
          ids.put(add.path().substring(0, 10), dv.uniqueId());
        });
      }
      assertEquals(Map.of("part-00000", "uZS9#3yl*XPWFX6q*uQc4@1", "part-00001", "uZS9#3yl*XPWFX6q*uQc4@49"), ids);
      assertArrayEquals(new long[] {2, 5, 7, 8}, byFile.get("part-00000"));
      assertArrayEquals(new long[] {0, 1, 9}, byFile.get("part-00001"));
    }
    try (DeltaTable v1 = DeltaTable.open(dir.toString(), 1)) {
      Map<String, long[]> byType = new HashMap<>();
      for (AddFile add : adds(v1.snapshot())) {
        add.deletionVector().ifPresent(dv -> byType.put(dv.storageType() + dv.pathOrInlineDv().substring(0, 2),
            DeletionVectors.load(storage, v1.root(), dv, v1.name()).toArray()));
      }
      assertArrayEquals(new long[] {2, 5}, byType.get("i^B")); // inline
      assertArrayEquals(new long[] {0, 1}, byType.get("uab")); // random prefix "ab"
    }
  }

  // --- Helpers ---

  private static final class Result {
    int vectors;
    long liveRows;
    final Map<String, Set<Integer>> offsetsByFile = new HashMap<>();
  }

  /** Loads every vector of every version that can be loaded; live rows are those of the latest. */
  private Result loadAllVersions(Path dir) {
    Result result = new Result();
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      for (long version = 0; version <= table.version(); version++) {
        Snapshot snapshot;
        try {
          snapshot = table.snapshotAt(version);
        } catch (VersionNotFoundException e) {
          continue; // before the earliest checkpoint of a cleaned-up log
        }
        long live = 0;
        for (AddFile add : adds(snapshot)) {
          long records = numRecords(add);
          if (add.deletionVector().isEmpty()) {
            live += records;
            continue;
          }
          DeletionVectorDescriptor dv = add.deletionVector().get();
          DeletedRows rows = DeletionVectors.load(storage, table.root(), dv, table.name(), add.path());
          String where = dir.getFileName() + " v" + version + " " + add.path() + " " + dv.uniqueId();
          assertEquals(dv.cardinality(), rows.cardinality(), where);
          assertArrayEquals(libraryDecode(table.root(), dv), rows.toArray(), where);
          assertTrue(rows.isEmpty() || rows.toArray()[(int) rows.cardinality() - 1] < records,
              where + ": row indexes below numRecords " + records);
          result.vectors++;
          result.offsetsByFile.computeIfAbsent(dv.pathOrInlineDv(), k -> new TreeSet<>()).add(dv.offset().orElse(-1));
          live += records - rows.cardinality();
        }
        result.liveRows = live;
      }
    }
    return result;
  }

  /** The vector's row indexes as RoaringBitmap's own 64-bit reader decodes its bytes, read independently. */
  private static long[] libraryDecode(URI root, DeletionVectorDescriptor dv) {
    byte[] bitmap;
    if (dv.storageType().equals("i")) {
      bitmap = Arrays.copyOf(Z85.decode(dv.pathOrInlineDv()), dv.sizeInBytes());
    } else {
      Path file = Path.of(DeletionVectors.fileLocation(root, dv).orElseThrow());
      bitmap = new byte[dv.sizeInBytes()];
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
        in.seek(dv.offset().orElse(0) + 4L);
        in.readFully(bitmap);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return DvFixtures.decodeWithLibrary(bitmap);
  }

  private static long numRecords(AddFile add) {
    Matcher m = NUM_RECORDS.matcher(add.stats().orElseThrow(() -> new AssertionError("no stats: " + add.path())));
    assertTrue(m.find(), "numRecords in the stats of " + add.path());
    return Long.parseLong(m.group(1));
  }

  private static List<AddFile> adds(Snapshot snapshot) {
    List<AddFile> adds = new ArrayList<>();
    try (CloseableIterator<AddFile> it = snapshot.addFiles()) {
      it.forEachRemaining(adds::add);
    }
    return adds;
  }

  private Path copyTable(String relative) throws IOException {
    Path source = SharedTables.root().resolve(relative);
    Path target = temp.resolve("table");
    for (Path file : SharedTables.files(source, p -> true)) {
      Path to = target.resolve(source.relativize(file).toString());
      Files.createDirectories(to.getParent());
      Files.copy(file, to);
    }
    return target;
  }

  private static void fillPlaceholder(Path table, String folder) throws IOException {
    Path commit = table.resolve("_delta_log/00000000000000000000.json");
    String log = Files.readString(commit, StandardCharsets.UTF_8);
    assertTrue(log.contains("{{FOLDER_WITH_SPECIAL_CHAR}}"));
    Files.writeString(commit, log.replace("{{FOLDER_WITH_SPECIAL_CHAR}}", folder), StandardCharsets.UTF_8);
  }
}
