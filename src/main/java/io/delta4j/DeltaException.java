package io.delta4j;

/**
 * Base of every error delta4j raises. Unchecked: the subclass says what the caller can do
 * differently. The message always starts with the table it concerns.
 */
public class DeltaException extends RuntimeException {
  private final String table;

  public DeltaException(String table, String message) {
    this(table, message, null);
  }

  public DeltaException(String table, String message, Throwable cause) {
    super(table + ": " + message, cause);
    this.table = table;
  }

  /** The table location as the user gave it (or as resolved), for logs and messages. */
  public String table() {
    return table;
  }
}
