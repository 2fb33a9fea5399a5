package io.delta4j.data;

import io.delta4j.storage.FileEntry;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Local storage that counts what it serves, so tests can check what a read fetched. */
public final class CountingStorage implements StorageBackend {
  private final StorageBackend delegate = new LocalStorage();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicInteger opens = new AtomicInteger();

  /** Bytes returned by all reads so far. */
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Files opened for random access so far. */
  public int opens() {
    return opens.get();
  }

  @Override
  public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
    SeekableInput in = delegate.open(location, knownLength);
    opens.incrementAndGet();
    return new SeekableInput() {
      @Override
      public long length() throws IOException {
        return in.length();
      }

      @Override
      public long position() throws IOException {
        return in.position();
      }

      @Override
      public void seek(long position) throws IOException {
        in.seek(position);
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  @Override
  public Iterator<FileEntry> listFrom(URI start) throws IOException {
    return delegate.listFrom(start);
  }

  @Override
  public byte[] readAllBytes(URI location) throws IOException {
    byte[] bytes = delegate.readAllBytes(location);
    bytesRead.addAndGet(bytes.length);
    return bytes;
  }

  @Override
  public void putIfAbsent(URI location, byte[] contents) throws IOException {
    delegate.putIfAbsent(location, contents);
  }

  @Override
  public OutputStream create(URI location) throws IOException {
    return delegate.create(location);
  }

  @Override
  public void delete(URI location) throws IOException {
    delegate.delete(location);
  }

  @Override
  public boolean exists(URI location) throws IOException {
    return delegate.exists(location);
  }
}
