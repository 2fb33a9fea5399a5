package io.delta4j.storage;

import io.delta4j.SharedTables;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the storage tests. */
final class StorageTestSupport {
  private StorageTestSupport() {}

  /** A golden table directory from the shared reference data, or the test is skipped. */
  static Path golden(String name) {
    Path table = SharedTables.root().resolve("golden").resolve("delta-golden").resolve(name);
    assumeTrue(Files.isDirectory(table), "golden table absent: " + table.toAbsolutePath());
    return table;
  }

  /** Non-ASCII file names need a UTF-8 platform encoding (LANG=C.UTF-8 or similar). */
  static void assumeUtf8FileNames() {
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    assumeTrue(
        Charset.forName(encoding).equals(StandardCharsets.UTF_8),
        "file names are encoded as " + encoding + ", not UTF-8; run with a UTF-8 locale");
  }

  static List<String> names(Iterator<FileEntry> entries) {
    List<String> names = new ArrayList<>();
    entries.forEachRemaining(e -> names.add(e.name()));
    return names;
  }

  /** Every name in {@code dir}, hidden ones included, sorted. */
  static List<String> allNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
