package io.delta4j.log.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.CorruptLogException;
import io.delta4j.StorageException;
import io.delta4j.data.CountingStorage;
import io.delta4j.SharedTables;
import io.delta4j.data.TestParquet;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.ForwardingInput;
import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure names the table and file, and has the type the caller acts on. */
class CheckpointReaderErrorsTest {
  private static final String NAME = "_delta_log/00000000000000000001.checkpoint.parquet";

  @TempDir Path dir;
  private final CountingStorage storage = new CountingStorage();

  private void read(StorageBackend backend, Path file) {
    CheckpointReader.read(backend, file.toUri(), OptionalLong.empty(), "t", NAME, ActionType.all(), a -> {});
  }

  @Test
  void missingFileIsCorruptLogCausedByNoSuchFile() {
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> read(storage, dir.resolve("gone.parquet")));
    assertInstanceOf(NoSuchFileException.class, e.getCause());
    assertEquals("t: Cannot read " + NAME + ": the file does not exist; it may have been deleted (by metadata"
        + " cleanup) after the log was listed, or the log is incomplete.", e.getMessage());
    assertEquals(NAME, e.file().orElseThrow());
  }

  @Test
  void notParquetIsCorrupt() throws IOException {
    Path file = Files.writeString(dir.resolve("text.parquet"), "{\"add\":{}}\n");
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> read(storage, file));
    assertTrue(e.getMessage().startsWith("t: Cannot read " + NAME + ": it is not a valid Parquet file ("), e.getMessage());
  }

  @Test
  void truncatedFileIsCorrupt() throws IOException {
    byte[] whole = Files.readAllBytes(SharedTables.file(
        "golden/kernel/kernel-pagination-single-checkpoint/_delta_log/00000000000000000010.checkpoint.parquet"));
    Path file = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(whole, whole.length / 2));
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> read(storage, file));
    assertTrue(e.getMessage().startsWith("t: Cannot read " + NAME + ": it is not a valid Parquet file ("), e.getMessage());
  }

  @Test
  void columnOfWrongTypeIsCorruptAndNamed() throws IOException {
    Path file = TestParquet.write(dir.resolve("types.parquet"),
        "message m { optional group add { optional binary path (STRING); optional binary size (STRING); } }",
        row -> row.addGroup("add").append("path", "a").append("size", "12"));
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> read(storage, file));
    assertEquals("t: Cannot read " + NAME + ": it is not a valid checkpoint: column add.size has Parquet type"
        + " 'optional binary size (STRING)', expected a 64-bit integer.", e.getMessage());
  }

  @Test
  void nullRequiredFieldIsCorruptAndNamesTheRow() throws IOException {
    Path file = TestParquet.write(dir.resolve("nulls.parquet"),
        "message m { optional group add { optional binary path (STRING); optional int64 size;"
            + " optional int64 modificationTime; } }",
        row -> row.addGroup("add").append("path", "a").append("size", 1L).append("modificationTime", 2L),
        row -> row.addGroup("add").append("size", 1L).append("modificationTime", 2L));
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> read(storage, file));
    assertEquals("t: Cannot read " + NAME + ": it is not a valid checkpoint: row 2: add.path is null, but the"
        + " protocol requires it.", e.getMessage());
  }

  @Test
  void storageFailureOnOpenIsStorageException() {
    StorageBackend failing = new FailingStorage(storage, 0);
    Path file = dir.resolve("any.parquet");
    StorageException e = assertThrows(StorageException.class, () -> read(failing, file));
    assertEquals("t: Cannot read " + file.toUri() + ": connection reset.", e.getMessage());
  }

  @Test
  void storageFailureAfterFooterIsStorageException() throws IOException {
    Path file = SharedTables.file("golden/kernel/kernel-pagination-single-checkpoint/_delta_log/00000000000000000010.checkpoint.parquet");
    StorageBackend failing = new FailingStorage(storage, 2); // the footer takes two reads; the pages fail
    StorageException e = assertThrows(StorageException.class, () -> read(failing, file));
    assertEquals("t: Cannot read " + file.toUri() + ": connection reset.", e.getMessage());
  }

  @Test
  void sinkExceptionsPassThroughUnchanged() throws IOException {
    Path file = SharedTables.file("golden/kernel/kernel-pagination-single-checkpoint/_delta_log/00000000000000000010.checkpoint.parquet");
    IllegalStateException thrown = new IllegalStateException("stop");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckpointReader.read(
        storage, file.toUri(), OptionalLong.empty(), "t", NAME, ActionType.all(), a -> {
          throw thrown;
        }));
    assertSame(thrown, e);
  }

  @Test
  void iteratorClosedEarlyReleasesTheFile() throws IOException {
    Path file = SharedTables.file("golden/kernel/kernel-pagination-single-checkpoint/_delta_log/00000000000000000010.checkpoint.parquet");
    CloseableIterator<Action> it =
        CheckpointReader.open(storage, file.toUri(), OptionalLong.empty(), "t", NAME, Set.of(ActionType.ADD));
    assertTrue(it.hasNext());
    it.next();
    it.close();
    assertFalse(it.hasNext());
  }

  /** Delegates to a real storage, but every read after the first {@code goodReads} fails. */
  private static final class FailingStorage implements StorageBackend {
    private final StorageBackend delegate;
    private final int goodReads;
    private final AtomicInteger reads = new AtomicInteger();

    FailingStorage(StorageBackend delegate, int goodReads) {
      this.delegate = delegate;
      this.goodReads = goodReads;
    }

    @Override
    public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
      if (goodReads == 0) {
        throw new IOException("connection reset");
      }
      SeekableInput in = delegate.open(location, knownLength);
      return new ForwardingInput(in) {
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          if (reads.incrementAndGet() > goodReads) {
            throw new IOException("connection reset");
          }
          return super.read(buffer, offset, length);
        }
      };
    }

    @Override
    public Iterator<FileEntry> listFrom(URI start) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] readAllBytes(URI location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void putIfAbsent(URI location, byte[] contents) {
      throw new UnsupportedOperationException();
    }

    @Override
    public OutputStream create(URI location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(URI location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean exists(URI location) {
      return true;
    }
  }
}
