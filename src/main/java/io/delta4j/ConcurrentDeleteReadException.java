package io.delta4j;

/**
 * A concurrent commit removed a file that this transaction read (to delete from or rewrite).
 */
public final class ConcurrentDeleteReadException extends CommitConflictException {
  public ConcurrentDeleteReadException(String table, String message) {
    super(table, message);
  }

  public ConcurrentDeleteReadException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
