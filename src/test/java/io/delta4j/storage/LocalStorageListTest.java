package io.delta4j.storage;

import static io.delta4j.storage.StorageTestSupport.assumeUtf8FileNames;
import static io.delta4j.storage.StorageTestSupport.golden;
import static io.delta4j.storage.StorageTestSupport.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageListTest {
  private final LocalStorage storage = new LocalStorage();

  @TempDir Path dir;

  private URI at(String name) {
    return dir.resolve(name).toUri();
  }

  private void touch(String... names) throws IOException {
    for (String name : names) {
      Files.writeString(dir.resolve(name), name);
    }
  }

  @Test
  void goldenListFrom() throws IOException {
    Path table = golden("log-store-listFrom");
    assertEquals(List.of("1", "2", "3"), names(storage.listFrom(table.resolve("0").toUri())));
    assertEquals(List.of("1", "2", "3"), names(storage.listFrom(table.resolve("1").toUri())));
    assertEquals(List.of("2", "3"), names(storage.listFrom(table.resolve("2").toUri())));
    assertEquals(List.of("3"), names(storage.listFrom(table.resolve("3").toUri())));
    assertEquals(List.of(), names(storage.listFrom(table.resolve("4").toUri())));
  }

  @Test
  void listsFromStartInNameOrder() throws IOException {
    touch("00000000000000000002.json", "00000000000000000000.json", "00000000000000000010.checkpoint.parquet",
        "00000000000000000001.json", "_last_checkpoint");
    assertEquals(
        List.of("00000000000000000001.json", "00000000000000000002.json",
            "00000000000000000010.checkpoint.parquet", "_last_checkpoint"),
        names(storage.listFrom(at("00000000000000000001.json"))));
    // a start that is not itself a file
    assertEquals(
        List.of("00000000000000000010.checkpoint.parquet", "_last_checkpoint"),
        names(storage.listFrom(at("00000000000000000003"))));
  }

  @Test
  void skipsHiddenFilesAndDirectories() throws IOException {
    touch("00000000000000000000.json", ".00000000000000000000.json.crc", ".0.json.1234.tmp");
    Files.createDirectory(dir.resolve("_commits"));
    Files.createDirectory(dir.resolve("1_dir"));
    assertEquals(List.of("00000000000000000000.json"), names(storage.listFrom(at("0"))));
  }

  @Test
  void startEndingInSlashListsThatDirectory() throws IOException {
    Files.createDirectory(dir.resolve("_delta_log"));
    Files.writeString(dir.resolve("_delta_log/b"), "");
    Files.writeString(dir.resolve("_delta_log/a"), "");
    assertEquals(List.of("a", "b"), names(storage.listFrom(dir.resolve("_delta_log").toUri())));
  }

  @Test
  void missingDirectoryListsNothing() throws IOException {
    assertFalse(storage.listFrom(dir.resolve("no/such/dir/0").toUri()).hasNext());
    assertFalse(storage.listFrom(URI.create(dir.toUri() + "gone/")).hasNext());
  }

  @Test
  void entriesCarrySizeAndModificationTime() throws IOException {
    Files.write(dir.resolve("f"), new byte[1234]);
    Files.setLastModifiedTime(dir.resolve("f"), FileTime.fromMillis(1_600_000_000_123L));
    FileEntry entry = storage.listFrom(at("f")).next();
    assertEquals(new FileEntry(dir.resolve("f").toUri(), 1234, 1_600_000_000_123L), entry);
  }

  @Test
  void sortsInUtf8ByteOrderNotUtf16Order() throws IOException {
    assumeUtf8FileNames();
    String privateUse = "\uE000"; // UTF-8 EE 80 80; UTF-16 E000
    String emoji = "😀"; // U+1F600: UTF-8 F0 9F 98 80; UTF-16 D83D DE00, which sorts before E000
    touch(emoji, "z", privateUse, "a");
    assertEquals(List.of("a", "z", privateUse, emoji), names(storage.listFrom(at("a"))));
    assertEquals(List.of(emoji), names(storage.listFrom(at("\uE001"))));
  }

  @Test
  void codePointOrderEqualsUtf8ByteOrder() {
    List<String> names = new ArrayList<>(List.of("😀", "\uE000", "\uFFFF", "a", "ab", "", "é", "𝄞x", "日本"));
    Collections.shuffle(names);
    List<String> byCodePoint = new ArrayList<>(names);
    byCodePoint.sort(LocalStorage.UTF8_ORDER);
    List<String> byBytes = new ArrayList<>(names);
    byBytes.sort((a, b) -> java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    assertEquals(byBytes, byCodePoint);
  }

  @Test
  void specialNamesRoundTripThroughListOpenAndResolve() throws IOException {
    assumeUtf8FileNames();
    List<String> specials = List.of(
        "with space.json", "100%.json", "p@#h", "a@b=c+d,e;f:g", "é.json", "日本.json", "😀.json", "%20.json");
    for (String name : specials) {
      Files.writeString(dir.resolve(name), name);
    }
    List<FileEntry> entries = new ArrayList<>();
    storage.listFrom(dir.toUri()).forEachRemaining(entries::add);
    assertEquals(specials.size(), entries.size());
    URI root = Locations.tableRoot(dir.toString());
    for (FileEntry entry : entries) {
      String name = entry.name();
      assertTrue(specials.contains(name), name);
      assertEquals(dir.resolve(name).toUri(), entry.location(), "listing encodes as Path.toUri() does");
      if (!name.equals("%20.json")) { // an unencoded name that reads as an escape cannot round trip
        assertEquals(entry.location(), Locations.resolve(root, name), "resolve of the unencoded name");
      }
      String encoded = entry.location().getRawPath().substring(entry.location().getRawPath().lastIndexOf('/') + 1);
      assertEquals(entry.location(), Locations.resolve(root, encoded), "resolve of the encoded name");
      try (SeekableInput in = storage.open(entry.location(), OptionalLong.empty())) {
        byte[] bytes = new byte[(int) in.length()];
        in.readFully(bytes, 0, bytes.length);
        assertArrayEquals(name.getBytes(StandardCharsets.UTF_8), bytes);
      }
    }
  }
}
