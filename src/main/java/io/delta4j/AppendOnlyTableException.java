package io.delta4j;

/**
 * An operation would remove or change data in an append-only table ({@code delta.appendOnly=true},
 * PROTOCOL.md "Append-only Tables"). Nothing was written.
 */
public final class AppendOnlyTableException extends DeltaException {
  private final String operation;

  public AppendOnlyTableException(String table, String operation, String message) {
    super(table, message);
    this.operation = operation;
  }

  /** The refused operation, e.g. {@code DELETE}. */
  public String operation() {
    return operation;
  }
}
