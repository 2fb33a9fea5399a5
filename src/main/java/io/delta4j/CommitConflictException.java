package io.delta4j;

/**
 * A commit lost a race that cannot be resolved by retrying it as it is: a concurrent commit changed
 * what this transaction read or wrote. The subclass says what collided; the message says what to do
 * (usually: refresh and run the operation again). Blind appends never raise it for data changes.
 */
public class CommitConflictException extends DeltaException {
  public CommitConflictException(String table, String message) {
    super(table, message);
  }

  public CommitConflictException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
