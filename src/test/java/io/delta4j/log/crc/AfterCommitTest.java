package io.delta4j.log.crc;

import static io.delta4j.log.crc.ChecksumFixtures.add;
import static io.delta4j.log.crc.ChecksumFixtures.commit;
import static io.delta4j.log.crc.ChecksumFixtures.commitInfo;
import static io.delta4j.log.crc.ChecksumFixtures.legacyProtocol;
import static io.delta4j.log.crc.ChecksumFixtures.metadata;
import static io.delta4j.log.crc.ChecksumFixtures.remove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaTable;
import io.delta4j.Snapshot;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.storage.ForwardingStorage;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing {@code <version>.crc} after commits: which computation, never over a file, never failing. */
class AfterCommitTest {
  private static final List<Action> V0 =
      List.of(commitInfo("CREATE TABLE", "t0", null), legacyProtocol(), metadata(Map.of()), add("a", 100));
  private static final List<Action> V1 =
      List.of(commitInfo("WRITE", "t1", null), add("b", 200), remove("a", 100, Optional.empty()));

  @TempDir Path dir;

  private final StorageBackend storage = new LocalStorage();

  private URI root() {
    return dir.toUri();
  }

  private Path crc(long version) {
    return dir.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.checksum(version));
  }

  private Optional<VersionChecksum> commitAndChecksum(long version, List<Action> actions, Optional<Snapshot> base)
      throws IOException {
    commit(dir, version, actions);
    return VersionChecksums.afterCommit(storage, root(), "t", version, actions, base);
  }

  @Test
  void chainsFromTheFirstCommit() throws IOException {
    VersionChecksum v0 = commitAndChecksum(0, V0, Optional.empty()).orElseThrow();
    VersionChecksum v1 = commitAndChecksum(1, V1, Optional.empty()).orElseThrow();
    assertEquals(Optional.of(v0), VersionChecksums.read(storage, root(), "t", 0));
    assertEquals(Optional.of(v1), VersionChecksums.read(storage, root(), "t", 1));
    assertEquals(200, v1.tableSizeBytes());
    assertEquals(Optional.of("t1"), v1.txnId());
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(Checksums.withoutTxnId(v1), VersionChecksums.full(t.snapshot()));
    }
  }

  @Test
  void withoutThePreviousChecksumComputesTheBaseInFull() throws IOException {
    commit(dir, 0, V0); // written by an engine that writes no checksums
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      Snapshot base = t.snapshot();
      assertEquals(Optional.empty(), commitAndChecksum(1, V1, Optional.empty()), "nothing to start from");
      Files.delete(dir.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.commit(1)));
      VersionChecksum v1 = commitAndChecksum(1, V1, Optional.of(base)).orElseThrow();
      assertEquals(1, v1.numFiles());
      assertTrue(Files.exists(crc(1)));
      assertFalse(Files.exists(crc(0)));
    }
  }

  @Test
  void aBaseAtAnotherVersionIsNotUsed() throws IOException {
    commit(dir, 0, V0);
    commit(dir, 1, V1);
    try (DeltaTable t = DeltaTable.open(dir.toString(), 0)) {
      List<Action> v2 = List.of(commitInfo("WRITE", "t2", null), add("c", 300));
      assertEquals(Optional.empty(), commitAndChecksum(2, v2, Optional.of(t.snapshot())));
      assertFalse(Files.exists(crc(2)));
    }
  }

  @Test
  void neverOverwritesAChecksum() throws IOException {
    commit(dir, 0, V0);
    Files.writeString(crc(0), "written by someone else");
    assertEquals(Optional.empty(), VersionChecksums.afterCommit(storage, root(), "t", 0, V0, Optional.empty()));
    assertEquals("written by someone else", Files.readString(crc(0)));
  }

  @Test
  void anUnreadablePreviousChecksumIsIgnored() throws IOException {
    commit(dir, 0, V0);
    Files.writeString(crc(0), "malformed");
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(1, commitAndChecksum(1, V1, Optional.of(t.snapshot())).orElseThrow().numFiles());
    }
  }

  @Test
  void aFailureToWriteDoesNotFailTheCommit() throws IOException {
    StorageBackend failing = new ForwardingStorage() {
      @Override
      public void putIfAbsent(URI location, byte[] contents) throws IOException {
        throw new IOException("disk full");
      }
    };
    commit(dir, 0, V0);
    assertEquals(Optional.empty(), VersionChecksums.afterCommit(failing, root(), "t", 0, V0, Optional.empty()));
    assertFalse(Files.exists(crc(0)));
  }
}
