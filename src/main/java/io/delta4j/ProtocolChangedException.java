package io.delta4j;

/**
 * A concurrent commit changed the table's protocol, or created the table first.
 */
public final class ProtocolChangedException extends CommitConflictException {
  public ProtocolChangedException(String table, String message) {
    super(table, message);
  }

  public ProtocolChangedException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
