package io.delta4j.data;

import java.io.IOException;

/**
 * An I/O failure of the storage below a Parquet write, wrapped so that callers can report it as a
 * storage error naming the file rather than as a failure of the writer.
 */
public final class StorageWriteException extends IOException {
  StorageWriteException(IOException cause) {
    super(cause.getMessage(), cause);
  }

  /** The storage's own exception. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
