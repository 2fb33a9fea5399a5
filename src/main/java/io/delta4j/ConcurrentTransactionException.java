package io.delta4j;

/**
 * A concurrent commit recorded a transaction for the same application id ({@code txn} action).
 */
public final class ConcurrentTransactionException extends CommitConflictException {
  public ConcurrentTransactionException(String table, String message) {
    super(table, message);
  }

  public ConcurrentTransactionException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
