package io.delta4j;

/**
 * {@link DeltaTable#create} found a Delta table at the location already.
 */
public final class TableAlreadyExistsException extends DeltaException {
  public TableAlreadyExistsException(String table, String message) {
    super(table, message);
  }

  public TableAlreadyExistsException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
