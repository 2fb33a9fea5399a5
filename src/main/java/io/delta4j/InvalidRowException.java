package io.delta4j;

/**
 * A row given to a write does not fit the table's schema: an unknown column, or a value of the
 * wrong type or out of the column's range. The message names the row (its position in the input)
 * and the column. Nothing was committed.
 */
public final class InvalidRowException extends DeltaException {
  public InvalidRowException(String table, String message) {
    super(table, message);
  }
}
