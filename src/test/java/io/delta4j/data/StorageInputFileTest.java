package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.storage.FileEntry;
import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.Iterator;
import java.util.OptionalLong;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;

/** The Parquet adapter over the storage SPI, against an in-memory file. */
class StorageInputFileTest {
  private static final URI FILE = URI.create("mem:/f");
  private static final byte[] DATA = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  /** Serves {@link #DATA}, at most 3 bytes per read (short reads must be handled); can fail on demand. */
  private static final class MemoryStorage implements StorageBackend {
    IOException failReads;
    int opens;

    @Override
    public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
      if (!location.equals(FILE)) {
        throw new NoSuchFileException(location.toString());
      }
      opens++;
      return new SeekableInput() {
        long pos;

        @Override
        public long length() {
          return DATA.length;
        }

        @Override
        public long position() {
          return pos;
        }

        @Override
        public void seek(long position) {
          pos = position;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          if (failReads != null) {
            throw failReads;
          }
          if (pos >= DATA.length) {
            return -1;
          }
          int n = (int) Math.min(Math.min(length, 3), DATA.length - pos);
          System.arraycopy(DATA, (int) pos, buffer, offset, n);
          pos += n;
          return n;
        }

        @Override
        public void close() {}
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
      return location.equals(FILE);
    }
  }

  private final MemoryStorage storage = new MemoryStorage();

  @Test
  void lengthComesFromTheOpenStreamWhenUnknown() throws IOException {
    StorageInputFile file = new StorageInputFile(storage, FILE, OptionalLong.empty());
    try (SeekableInputStream in = file.newStream()) {
      assertEquals(DATA.length, file.getLength());
      assertEquals(0, in.getPos());
    }
    assertEquals(1, storage.opens);
    assertEquals(7, new StorageInputFile(storage, FILE, OptionalLong.of(7)).getLength());
  }

  @Test
  void readsIntoHeapAndDirectBuffersAndCountsBytes() throws IOException {
    StorageInputFile file = new StorageInputFile(storage, FILE, OptionalLong.empty());
    try (SeekableInputStream in = file.newStream()) {
      in.seek(2);
      ByteBuffer direct = ByteBuffer.allocateDirect(5);
      in.readFully(direct);
      direct.flip();
      byte[] got = new byte[5];
      direct.get(got);
      assertArrayEquals(new byte[] {2, 3, 4, 5, 6}, got);
      assertEquals(7, in.getPos());
      ByteBuffer heap = ByteBuffer.allocate(3);
      in.readFully(heap);
      assertArrayEquals(new byte[] {7, 8, 9}, heap.array());
      assertEquals(-1, in.read());
    }
    assertEquals(8, file.bytesRead());
  }

  @Test
  void readingPastTheEndIsAnEofNotAStorageFailure() throws IOException {
    try (SeekableInputStream in = new StorageInputFile(storage, FILE, OptionalLong.empty()).newStream()) {
      in.seek(8);
      assertThrows(EOFException.class, () -> in.readFully(new byte[5]));
    }
  }

  @Test
  void storageFailuresAreMarked() throws IOException {
    IOException reset = new IOException("connection reset");
    storage.failReads = reset;
    try (SeekableInputStream in = new StorageInputFile(storage, FILE, OptionalLong.empty()).newStream()) {
      StorageReadException e = assertThrows(StorageReadException.class, () -> in.readFully(new byte[2]));
      assertSame(reset, e.getCause());
    }
    StorageReadException missing = assertThrows(StorageReadException.class,
        () -> new StorageInputFile(storage, URI.create("mem:/other"), OptionalLong.empty()).newStream());
    assertInstanceOf(NoSuchFileException.class, missing.getCause());
  }
}
