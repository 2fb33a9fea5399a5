package io.delta4j;

/**
 * A concurrent commit added files that this transaction's read predicate (of a delete or an
 * overwrite) would have matched, so its result would differ had it seen them.
 */
public final class ConcurrentAppendException extends CommitConflictException {
  public ConcurrentAppendException(String table, String message) {
    super(table, message);
  }

  public ConcurrentAppendException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
