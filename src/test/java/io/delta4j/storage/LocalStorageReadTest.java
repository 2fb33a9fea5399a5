package io.delta4j.storage;

import static io.delta4j.storage.StorageTestSupport.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageReadTest {
  private final LocalStorage storage = new LocalStorage();

  @TempDir Path dir;

  /** A file whose byte i is (byte) i. */
  private URI counting(int length) throws IOException {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) i;
    }
    Path file = dir.resolve("data.bin");
    Files.write(file, bytes);
    return file.toUri();
  }

  @Test
  void readsRangesAfterSeeks() throws IOException {
    try (SeekableInput in = storage.open(counting(1000), OptionalLong.empty())) {
      assertEquals(1000, in.length());
      in.seek(992); // footer first, as Parquet reads
      byte[] footer = new byte[8];
      in.readFully(footer, 0, 8);
      assertArrayEquals(new byte[] {(byte) 992, (byte) 993, (byte) 994, (byte) 995,
          (byte) 996, (byte) 997, (byte) 998, (byte) 999}, footer);
      assertEquals(1000, in.position());
      in.seek(10);
      byte[] chunk = new byte[6];
      in.readFully(chunk, 1, 4);
      assertArrayEquals(new byte[] {0, 10, 11, 12, 13, 0}, chunk);
      assertEquals(14, in.position());
    }
  }

  @Test
  void readReturnsMinusOneAtEndAndZeroForNothing() throws IOException {
    try (SeekableInput in = storage.open(counting(10), OptionalLong.empty())) {
      byte[] buffer = new byte[20];
      in.seek(8);
      assertEquals(2, in.read(buffer, 0, 20));
      assertEquals(-1, in.read(buffer, 0, 20));
      assertEquals(0, in.read(buffer, 0, 0));
      in.seek(50); // past the end is allowed; reading there is not
      assertEquals(-1, in.read(buffer, 0, 1));
    }
  }

  @Test
  void readFullyPastEndThrows() throws IOException {
    try (SeekableInput in = storage.open(counting(10), OptionalLong.empty())) {
      in.seek(5);
      assertThrows(EOFException.class, () -> in.readFully(new byte[6], 0, 6));
    }
  }

  @Test
  void seekToNegativePositionThrows() throws IOException {
    try (SeekableInput in = storage.open(counting(10), OptionalLong.empty())) {
      assertThrows(EOFException.class, () -> in.seek(-1));
    }
  }

  @Test
  void knownLengthIsTrustedWithoutStat() throws IOException {
    // The log's size is what the caller passes; the backend does not second-guess it.
    try (SeekableInput in = storage.open(counting(10), OptionalLong.of(7))) {
      assertEquals(7, in.length());
    }
  }

  @Test
  void missingFilesThrowNoSuchFile() {
    URI missing = dir.resolve("missing").toUri();
    assertThrows(NoSuchFileException.class, () -> storage.open(missing, OptionalLong.empty()));
    assertThrows(NoSuchFileException.class, () -> storage.open(missing, OptionalLong.of(3)));
    assertThrows(NoSuchFileException.class, () -> storage.readAllBytes(missing));
  }

  @Test
  void readAllBytesAndExists() throws IOException {
    URI file = counting(300);
    byte[] expected = Files.readAllBytes(Path.of(file));
    assertArrayEquals(expected, storage.readAllBytes(file));
    assertTrue(storage.exists(file));
    assertTrue(storage.exists(dir.toUri()), "directories exist too");
    assertFalse(storage.exists(dir.resolve("missing").toUri()));
  }

  @Test
  void goldenLogStoreRead() throws IOException {
    Path table = golden("log-store-read");
    assertEquals(List.of("zero", "none"), lines(table.resolve("0").toUri()));
    assertEquals(List.of("one"), lines(table.resolve("1").toUri()));
  }

  private List<String> lines(URI file) throws IOException {
    return new String(storage.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void acceptsLocalhostAuthorityAndRefusesOtherSchemes() throws IOException {
    URI file = counting(4);
    URI withLocalhost = URI.create("file://localhost" + file.getRawPath());
    assertEquals(4, storage.readAllBytes(withLocalhost).length);
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> storage.readAllBytes(URI.create("s3://bucket/key")));
    assertEquals("LocalStorage reads file: URIs only, not s3://bucket/key", e.getMessage());
  }

  @Test
  void readsLargerThanOneSyscallStillComplete() throws IOException {
    URI file = counting(3 << 20);
    try (SeekableInput in = storage.open(file, OptionalLong.empty())) {
      byte[] all = new byte[3 << 20];
      in.readFully(all, 0, all.length);
      assertTrue(Arrays.equals(Files.readAllBytes(Path.of(file)), all));
    }
  }
}
