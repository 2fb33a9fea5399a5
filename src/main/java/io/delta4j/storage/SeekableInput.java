package io.delta4j.storage;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;

/** Random-access reads of one file, as Parquet needs them (footer first, then column chunks). */
public interface SeekableInput extends Closeable {
  /** The file's length in bytes. */
  long length() throws IOException;

  /** Current read position. */
  long position() throws IOException;

  /** Moves the read position to {@code position}. */
  void seek(long position) throws IOException;

  /** Reads up to {@code length} bytes at the current position; -1 at end of file. */
  int read(byte[] buffer, int offset, int length) throws IOException;

  /** Reads exactly {@code length} bytes at the current position, or throws {@link EOFException}. */
  default void readFully(byte[] buffer, int offset, int length) throws IOException {
    while (length > 0) {
      int n = read(buffer, offset, length);
      if (n < 0) {
        throw new EOFException("End of file after " + position() + " bytes");
      }
      offset += n;
      length -= n;
    }
  }
}
