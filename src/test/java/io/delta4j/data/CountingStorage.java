package io.delta4j.data;

import io.delta4j.storage.ForwardingInput;
import io.delta4j.storage.ForwardingStorage;
import io.delta4j.storage.SeekableInput;
import java.io.IOException;
import java.net.URI;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Local storage that counts what it serves, so tests can check what a read fetched. */
public final class CountingStorage extends ForwardingStorage {
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
    SeekableInput in = super.open(location, knownLength);
    opens.incrementAndGet();
    return new ForwardingInput(in) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }
    };
  }

  @Override
  public byte[] readAllBytes(URI location) throws IOException {
    byte[] bytes = super.readAllBytes(location);
    bytesRead.addAndGet(bytes.length);
    return bytes;
  }
}
