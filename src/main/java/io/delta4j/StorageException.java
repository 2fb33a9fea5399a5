package io.delta4j;

/** An I/O failure talking to the table's storage; names the file it concerns. */
public final class StorageException extends DeltaException {
  public StorageException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
