package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaTable;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.log.checkpoint.LastCheckpoint;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Answers of tests-data/README.md that the case file cannot express: which {@code _last_checkpoint}
 * hints are trusted (their JSON checksum), and that a catalog-managed table is refused without
 * reading its staged commit.
 */
class TestDataLogTest {
  private static final Path TESTS_DATA = Path.of("tests-data");

  private static Optional<LastCheckpoint> hint(String table) throws IOException {
    return LastCheckpoint.parse(Files.readAllBytes(TESTS_DATA.resolve(table).resolve("_delta_log/_last_checkpoint")));
  }

  @Test
  void validHintsAreTrustedWithTheirChecksum() throws IOException {
    LastCheckpoint people = hint("people").orElseThrow();
    assertEquals(10, people.version());
    assertEquals(13, people.size());
    assertEquals(OptionalLong.of(7578), people.sizeInBytes());
    assertEquals(OptionalLong.of(9), people.numOfAddFiles());
    assertEquals(Optional.of("9970f933d9efa208535de2652683de0f"), people.checksum());

    LastCheckpoint multipart = hint("multipart-checkpoint").orElseThrow();
    assertEquals(2, multipart.version());
    assertEquals(5, multipart.size());
    assertEquals(OptionalInt.of(2), multipart.parts());
    assertEquals(Optional.empty(), multipart.checksum(), "multipart-checkpoint writes no checksum");

    LastCheckpoint missingPart = hint("multipart-checkpoint-missing-part").orElseThrow();
    assertEquals(4, missingPart.version(), "the hint names the incomplete checkpoint, with a valid checksum");
    assertEquals(OptionalInt.of(3), missingPart.parts());

    // Stale, but with a valid checksum: only the missing checkpoint at 20 shows it is stale.
    assertEquals(20, hint("broken/stale-last-checkpoint").orElseThrow().version());
    for (String table : List.of("dv-keys", "domains-and-txns", "v2-checkpoint-json", "v2-checkpoint-parquet")) {
      assertEquals(2, hint(table).orElseThrow().version(), table);
    }
    assertEquals(5, hint("broken/truncated-history").orElseThrow().version());
    assertEquals(3, hint("broken/checkpoint-only").orElseThrow().version());
  }

  @Test
  void emptyCorruptAndBadChecksumHintsAreIgnored() throws IOException {
    assertEquals(Optional.empty(), hint("broken/empty-last-checkpoint"), "0 bytes");
    assertEquals(Optional.empty(), hint("broken/corrupt-last-checkpoint"), "not JSON");
    // The stored checksum is the one for version 1; the validator must reject it.
    assertEquals(Optional.empty(), hint("broken/bad-checksum-last-checkpoint"), "checksum mismatch");
  }

  @Test
  void catalogManagedIsRefusedWithoutReadingTheStagedCommit() {
    RecordingStorage storage = new RecordingStorage();
    Path table = TESTS_DATA.resolve("broken/catalog-managed").toAbsolutePath();
    UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class,
        () -> DeltaTable.open("catalog-managed", table.toUri(), storage));
    assertTrue(e.unsupportedFeatures().contains("catalogManaged"), e.unsupportedFeatures().toString());
    assertTrue(storage.read.stream().noneMatch(u -> u.getPath().contains("/_staged_commits/")),
        "read " + storage.read);
    assertTrue(storage.read.stream().anyMatch(u -> u.getPath().endsWith("/00000000000000000000.json")),
        "the protocol comes from the published commits: read " + storage.read);
  }

  /** Local storage that records every file read; writes are refused, since a reader must not write. */
  private static final class RecordingStorage implements StorageBackend {
    private final LocalStorage local = new LocalStorage();
    final List<URI> read = new ArrayList<>();

    @Override
    public Iterator<FileEntry> listFrom(URI start) throws IOException {
      return local.listFrom(start);
    }

    @Override
    public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
      read.add(location);
      return local.open(location, knownLength);
    }

    @Override
    public byte[] readAllBytes(URI location) throws IOException {
      read.add(location);
      return local.readAllBytes(location);
    }

    @Override
    public void putIfAbsent(URI location, byte[] contents) {
      throw new UnsupportedOperationException("a reader must not write " + location);
    }

    @Override
    public OutputStream create(URI location) {
      throw new UnsupportedOperationException("a reader must not write " + location);
    }

    @Override
    public void delete(URI location) {
      throw new UnsupportedOperationException("a reader must not delete " + location);
    }

    @Override
    public boolean exists(URI location) throws IOException {
      return local.exists(location);
    }
  }
}
