package io.delta4j;

/** The location holds no Delta table: no {@code _delta_log} directory, or one with no commits. */
public final class TableNotFoundException extends DeltaException {
  public TableNotFoundException(String table, String message) {
    super(table, message);
  }
}
