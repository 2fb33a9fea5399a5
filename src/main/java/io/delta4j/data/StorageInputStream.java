package io.delta4j.data;

import io.delta4j.storage.SeekableInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Parquet's stream over one {@link SeekableInput}. Parquet reads the footer and whole column
 * chunks with {@code readFully}, so no buffering is added here. Counts the bytes it hands out, so
 * that tests and logs can see what a projection saved.
 */
final class StorageInputStream extends SeekableInputStream {
  private final SeekableInput in;
  private final AtomicLong bytesRead;
  private final byte[] one = new byte[1];

  StorageInputStream(SeekableInput in, AtomicLong bytesRead) {
    this.in = in;
    this.bytesRead = bytesRead;
  }

  SeekableInput input() {
    return in;
  }

  @Override
  public long getPos() throws IOException {
    try {
      return in.position();
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  @Override
  public void seek(long position) throws IOException {
    try {
      in.seek(position);
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  @Override
  public int read() throws IOException {
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IOException e) {
      throw wrap(e);
    }
    if (n > 0) {
      bytesRead.addAndGet(n);
    }
    return n;
  }

  @Override
  public void readFully(byte[] buffer) throws IOException {
    readFully(buffer, 0, buffer.length);
  }

  @Override
  public void readFully(byte[] buffer, int offset, int length) throws IOException {
    try {
      in.readFully(buffer, offset, length);
    } catch (IOException e) {
      throw wrap(e);
    }
    bytesRead.addAndGet(length);
  }

  @Override
  public int read(ByteBuffer buffer) throws IOException {
    if (!buffer.hasRemaining()) {
      return 0;
    }
    if (buffer.hasArray()) {
      int n = read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      if (n > 0) {
        buffer.position(buffer.position() + n);
      }
      return n;
    }
    byte[] chunk = new byte[Math.min(buffer.remaining(), 64 * 1024)];
    int n = read(chunk, 0, chunk.length);
    if (n > 0) {
      buffer.put(chunk, 0, n);
    }
    return n;
  }

  @Override
  public void readFully(ByteBuffer buffer) throws IOException {
    if (buffer.hasArray()) {
      readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      buffer.position(buffer.limit());
      return;
    }
    while (buffer.hasRemaining()) {
      if (read(buffer) < 0) {
        throw new EOFException("End of file with " + buffer.remaining() + " bytes still to read");
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  /** Storage failures are marked as such; a premature end of file is the file's fault. */
  private static IOException wrap(IOException e) {
    return e instanceof EOFException ? e : new StorageReadException(e);
  }
}
