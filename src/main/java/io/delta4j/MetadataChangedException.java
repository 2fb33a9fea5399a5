package io.delta4j;

/**
 * A concurrent commit changed the table's metadata (schema, partitioning or properties).
 */
public final class MetadataChangedException extends CommitConflictException {
  public MetadataChangedException(String table, String message) {
    super(table, message);
  }

  public MetadataChangedException(String table, String message, Throwable cause) {
    super(table, message, cause);
  }
}
