package io.delta4j.data;

/**
 * A Parquet file that is valid Parquet but does not hold actions as PROTOCOL.md's "Checkpoint
 * Schema" lays them out: a column of the wrong type, or a required field that is null. The
 * message names the column (for example {@code add.size}) and, once reading has started, the row.
 */
public final class MalformedActionException extends RuntimeException {
  MalformedActionException(String message) {
    super(message);
  }
}
