package io.delta4j.data;

// test-only until LocalStorage lands: a minimal StorageBackend over java.nio, read side only.

import io.delta4j.storage.FileEntry;
import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads local files through the storage SPI and counts what it serves, so tests can check what a
 * read fetched. Test-only until LocalStorage lands on main; writes are not supported.
 */
public final class LocalTestStorage implements StorageBackend {
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicInteger opens = new AtomicInteger();

  /** Bytes returned by all reads so far. */
  public long bytesRead() {
    return bytesRead.get();
  }

  public int opens() {
    return opens.get();
  }

  @Override
  public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
    FileChannel channel = FileChannel.open(Path.of(location), StandardOpenOption.READ);
    opens.incrementAndGet();
    return new SeekableInput() {
      @Override
      public long length() throws IOException {
        return knownLength.isPresent() ? knownLength.getAsLong() : channel.size();
      }

      @Override
      public long position() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long position) throws IOException {
        channel.position(position);
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = channel.read(ByteBuffer.wrap(buffer, offset, length));
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  @Override
  public byte[] readAllBytes(URI location) throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of(location));
    bytesRead.addAndGet(bytes.length);
    return bytes;
  }

  @Override
  public boolean exists(URI location) {
    return Files.exists(Path.of(location));
  }

  @Override
  public Iterator<FileEntry> listFrom(URI start) {
    throw new UnsupportedOperationException("test-only storage");
  }

  @Override
  public void putIfAbsent(URI location, byte[] contents) {
    throw new UnsupportedOperationException("test-only storage");
  }

  @Override
  public OutputStream create(URI location) {
    throw new UnsupportedOperationException("test-only storage");
  }

  @Override
  public void delete(URI location) {
    throw new UnsupportedOperationException("test-only storage");
  }
}
