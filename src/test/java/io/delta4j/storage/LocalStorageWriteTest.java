package io.delta4j.storage;

import static io.delta4j.storage.StorageTestSupport.allNames;
import static io.delta4j.storage.StorageTestSupport.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageWriteTest {
  private final LocalStorage storage = new LocalStorage();

  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void putIfAbsentCreatesParentsAndWritesOnce() throws IOException {
    URI commit = dir.resolve("t/_delta_log/00000000000000000000.json").toUri();
    storage.putIfAbsent(commit, utf8("first"));
    assertThrows(FileAlreadyExistsException.class, () -> storage.putIfAbsent(commit, utf8("second")));
    assertArrayEquals(utf8("first"), storage.readAllBytes(commit));
    assertEquals(List.of("00000000000000000000.json"), allNames(dir.resolve("t/_delta_log")), "no temp files");
  }

  @Test
  void putIfAbsentWritesEmptyContents() throws IOException {
    URI file = dir.resolve("empty").toUri();
    storage.putIfAbsent(file, new byte[0]);
    assertEquals(0, storage.readAllBytes(file).length);
  }

  @Test
  void putIfAbsentFallsBackToExclusiveCreateWithoutHardLinks() throws IOException {
    LocalStorage noLinks = new LocalStorage((link, existing) -> {
      throw new FileSystemException(link.toString(), existing.toString(), "Operation not permitted");
    });
    URI commit = dir.resolve("_delta_log/00000000000000000000.json").toUri();
    noLinks.putIfAbsent(commit, utf8("first"));
    assertThrows(FileAlreadyExistsException.class, () -> noLinks.putIfAbsent(commit, utf8("second")));
    assertArrayEquals(utf8("first"), noLinks.readAllBytes(commit));
    assertEquals(List.of("00000000000000000000.json"), allNames(dir.resolve("_delta_log")));
  }

  @Test
  void putIfAbsentFallsBackWhenLinksAreUnsupported() throws IOException {
    LocalStorage noLinks = new LocalStorage((link, existing) -> {
      throw new UnsupportedOperationException("no links");
    });
    URI file = dir.resolve("f").toUri();
    noLinks.putIfAbsent(file, utf8("x"));
    assertArrayEquals(utf8("x"), noLinks.readAllBytes(file));
    assertEquals(List.of("f"), allNames(dir));
  }

  @Test
  void putIfAbsentDoesNotFallBackOnRealErrors() {
    AccessDeniedException denied = new AccessDeniedException("f");
    LocalStorage failing = new LocalStorage((link, existing) -> {
      throw denied;
    });
    URI file = dir.resolve("f").toUri();
    assertSame(denied, assertThrows(AccessDeniedException.class, () -> failing.putIfAbsent(file, utf8("x"))));
    assertFalse(Files.exists(Path.of(file)), "no exclusive-create fallback");
  }

  @Test
  void createIsInvisibleUntilClosed() throws IOException {
    URI file = dir.resolve("part/part-00000.parquet").toUri();
    try (OutputStream out = storage.create(file)) {
      out.write(utf8("PAR1"));
      out.flush();
      assertFalse(storage.exists(file));
      assertEquals(List.of(), names(storage.listFrom(dir.resolve("part/").toUri())), "temp file is hidden");
      out.write(utf8("data"));
    }
    assertArrayEquals(utf8("PAR1data"), storage.readAllBytes(file));
    assertEquals(List.of("part-00000.parquet"), allNames(dir.resolve("part")));
  }

  @Test
  void createReplacesAnExistingFile() throws IOException {
    URI file = dir.resolve("_last_checkpoint").toUri();
    try (OutputStream out = storage.create(file)) {
      out.write(utf8("old contents, longer"));
    }
    OutputStream out = storage.create(file);
    out.write(utf8("new"));
    assertArrayEquals(utf8("old contents, longer"), storage.readAllBytes(file));
    out.close();
    out.close(); // a second close does nothing
    assertArrayEquals(utf8("new"), storage.readAllBytes(file));
    assertEquals(List.of("_last_checkpoint"), allNames(dir));
  }

  @Test
  void abortPublishesNothingAndKeepsTheOldFile() throws IOException {
    URI file = dir.resolve("_delta_log/00000000000000000003.checkpoint.parquet").toUri();
    try (OutputStream out = storage.create(file)) {
      out.write(utf8("old"));
    }
    OutputStream out = storage.create(file);
    out.write(utf8("partial"));
    ((Abortable) out).abort();
    assertThrows(IOException.class, () -> out.write(utf8("more")), "an aborted stream takes no writes");
    out.close(); // does nothing
    ((Abortable) out).abort(); // nor does a second abort
    assertArrayEquals(utf8("old"), storage.readAllBytes(file));
    assertEquals(List.of("00000000000000000003.checkpoint.parquet"), allNames(dir.resolve("_delta_log")),
        "the temp file is gone");

    URI fresh = dir.resolve("_delta_log/_sidecars/a.parquet").toUri();
    OutputStream other = storage.create(fresh);
    other.write(utf8("x"));
    ((Abortable) other).abort();
    assertFalse(storage.exists(fresh));
    assertEquals(List.of(), allNames(dir.resolve("_delta_log/_sidecars")));
  }

  @Test
  void deleteRemovesAndToleratesMissingFiles() throws IOException {
    URI file = dir.resolve("f").toUri();
    storage.putIfAbsent(file, utf8("x"));
    storage.delete(file);
    assertFalse(storage.exists(file));
    storage.delete(file);
    storage.delete(dir.resolve("no/such/dir/f").toUri());
  }

  @Test
  void tempNamesAreHiddenUniqueAndShort() {
    Path target = dir.resolve("x".repeat(250));
    Path temp = LocalStorage.tempSibling(target);
    String name = temp.getFileName().toString();
    assertTrue(name.startsWith("." + "x".repeat(100) + "."), name);
    assertTrue(name.endsWith(".tmp"), name);
    assertTrue(name.length() <= 255, "within NAME_MAX: " + name.length());
    assertEquals(dir, temp.getParent());
    assertFalse(temp.equals(LocalStorage.tempSibling(target)));
    String emoji = "a".repeat(99) + "😀"; // the pair straddles the cut: keep it whole or drop it whole
    String cut = LocalStorage.tempSibling(dir.resolve(emoji + "b")).getFileName().toString();
    assertTrue(cut.startsWith("." + "a".repeat(99) + "."), cut);
  }
}
