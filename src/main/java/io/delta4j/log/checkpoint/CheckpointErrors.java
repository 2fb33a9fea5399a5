package io.delta4j.log.checkpoint;

import io.delta4j.DeltaErrors;
import io.delta4j.DeltaException;
import io.delta4j.data.MalformedActionException;
import io.delta4j.data.ReadFailures;
import java.net.URI;

/**
 * Sorts a failure to read a checkpoint file into what the caller can act on: the file is missing
 * (perhaps fall back to another checkpoint), the storage failed (retry or report), or the file is
 * corrupt (report it, naming the file).
 */
final class CheckpointErrors {
  private CheckpointErrors() {}

  static DeltaException translate(Throwable e, String table, String displayName, URI location) {
    DeltaException common =
        ReadFailures.missingOrStorage(e, table, location, t -> DeltaErrors.missingLogFile(table, displayName, t));
    if (common != null) {
      return common;
    }
    if (e instanceof MalformedActionException) {
      return DeltaErrors.corruptFile(table, displayName, "it is not a valid checkpoint: " + e.getMessage(), e);
    }
    return DeltaErrors.corruptFile(
        table, displayName, "it is not a valid Parquet file (" + ReadFailures.describe(e) + ")", e);
  }
}
