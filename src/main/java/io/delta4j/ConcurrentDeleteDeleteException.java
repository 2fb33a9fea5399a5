package io.delta4j;

/**
 * A concurrent commit removed a file that this transaction removes too.
 */
public final class ConcurrentDeleteDeleteException extends CommitConflictException {
  public ConcurrentDeleteDeleteException(String table, String message) {
    super(table, message);
  }

  public ConcurrentDeleteDeleteException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
