package io.delta4j;

/**
 * The outcome of a commit cannot be known: the write of the commit file failed in a way that leaves
 * open whether it landed (for example a timeout), and reading the log back could not settle it.
 * The caller must inspect the table (for example with an application transaction id, see
 * {@link Transaction#withAppVersion}) before writing again, or risk a duplicate.
 */
public final class CommitStateUnknownException extends DeltaException {
  public CommitStateUnknownException(String table, String message) {
    super(table, message);
  }

  public CommitStateUnknownException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
