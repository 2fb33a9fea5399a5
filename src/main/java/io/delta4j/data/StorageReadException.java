package io.delta4j.data;

import java.io.IOException;

/**
 * An I/O failure of the storage below a Parquet read. It wraps what the storage threw so that
 * callers can tell a failing store (retry, report as a storage error) from a malformed file
 * (report as corrupt), since Parquet itself reports both as plain {@link IOException}s.
 * End-of-file errors are not wrapped: reading past the end means the file is shorter than its
 * footer says, which is corruption.
 */
public final class StorageReadException extends IOException {
  StorageReadException(IOException cause) {
    super(cause.getMessage(), cause);
  }

  /** The storage's own exception. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
