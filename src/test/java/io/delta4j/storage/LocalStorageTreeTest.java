package io.delta4j.storage;

import static io.delta4j.storage.StorageTestSupport.assumeUtf8FileNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalStorage#listRecursively}: what VACUUM sees of a table directory. */
class LocalStorageTreeTest {
  private final LocalStorage storage = new LocalStorage();

  @TempDir Path dir;

  private void write(String relative, int size) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[size]);
  }

  /** Paths relative to {@code dir}, sorted, from the listing's URIs. */
  private TreeSet<String> listed(Iterator<FileEntry> entries) {
    TreeSet<String> out = new TreeSet<>();
    String prefix = dir.toUri().toString();
    entries.forEachRemaining(e -> out.add(e.location().toString().substring(prefix.length())));
    return out;
  }

  @Test
  void listsFilesAtEveryDepthButNotDirectoriesOrHiddenNames() throws IOException {
    write("part-0.parquet", 1);
    write("date=2024-01-01/part-1.parquet", 2);
    write("date=2024-01-01/hour=3/part-2.parquet", 3);
    write("_delta_log/00000000000000000000.json", 4);
    write("_change_data/cdc-0.parquet", 5);
    write(".hidden-dir/inside.parquet", 6);
    write("date=2024-01-01/.part-1.parquet.crc", 7);
    Files.createDirectories(dir.resolve("empty/dir"));
    assertEquals(
        new TreeSet<>(List.of("_change_data/cdc-0.parquet", "_delta_log/00000000000000000000.json",
            "date=2024-01-01/hour=3/part-2.parquet", "date=2024-01-01/part-1.parquet", "part-0.parquet")),
        listed(storage.listRecursively(dir.toUri())));
  }

  @Test
  void entriesCarrySizeModificationTimeAndTheFormListFromGives() throws IOException {
    assumeUtf8FileNames();
    write("city=New York/ü 1.parquet", 1234);
    Path file = dir.resolve("city=New York/ü 1.parquet");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_123L));
    List<FileEntry> entries = new ArrayList<>();
    storage.listRecursively(dir.toUri()).forEachRemaining(entries::add);
    assertEquals(List.of(new FileEntry(file.toUri(), 1234, 1_600_000_000_123L)), entries);
    assertEquals(storage.listFrom(dir.resolve("city=New York").toUri()).next(), entries.get(0));
  }

  @Test
  void doesNotFollowLinksToDirectoriesButListsLinksToFiles() throws IOException {
    write("t/a.parquet", 1);
    write("outside/secret.parquet", 2);
    Files.createSymbolicLink(dir.resolve("t/escape"), dir.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("t/loop"), dir.resolve("t"));
    Files.createSymbolicLink(dir.resolve("t/linked.parquet"), dir.resolve("outside/secret.parquet"));
    Files.createSymbolicLink(dir.resolve("t/dangling"), dir.resolve("gone"));
    assertEquals(new TreeSet<>(List.of("t/a.parquet", "t/linked.parquet")),
        listed(storage.listRecursively(dir.resolve("t").toUri())));
  }

  @Test
  void missingDirectoryListsNothing() throws IOException {
    assertFalse(storage.listRecursively(URI.create(dir.toUri() + "gone/")).hasNext());
  }

  @Test
  void aDirectoryDeletedDuringTheWalkIsSkipped() throws IOException {
    write("a/x.parquet", 1);
    write("b/y.parquet", 1);
    Iterator<FileEntry> walk = storage.listRecursively(dir.toUri());
    // Only the top directory has been read: both subdirectories are still pending.
    Files.delete(dir.resolve("b/y.parquet"));
    Files.delete(dir.resolve("b"));
    assertEquals(new TreeSet<>(List.of("a/x.parquet")), listed(walk));
  }
}
