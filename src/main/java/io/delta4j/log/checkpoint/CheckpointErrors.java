package io.delta4j.log.checkpoint;

import io.delta4j.DeltaErrors;
import io.delta4j.DeltaException;
import io.delta4j.data.MalformedActionException;
import io.delta4j.data.StorageReadException;
import java.net.URI;
import java.nio.file.NoSuchFileException;

/**
 * Sorts a failure to read a checkpoint file into what the caller can act on: the file is missing
 * (perhaps fall back to another checkpoint), the storage failed (retry or report), or the file is
 * corrupt (report it, naming the file).
 */
final class CheckpointErrors {
  private CheckpointErrors() {}

  static DeltaException translate(Throwable e, String table, String displayName, URI location) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NoSuchFileException) {
        return DeltaErrors.missingLogFile(table, displayName, t);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StorageReadException s) {
        return DeltaErrors.storage(table, "read", location, s.getCause());
      }
    }
    if (e instanceof MalformedActionException) {
      return DeltaErrors.corruptFile(table, displayName, "it is not a valid checkpoint: " + e.getMessage(), e);
    }
    return DeltaErrors.corruptFile(table, displayName, "it is not a valid Parquet file (" + describe(e) + ")", e);
  }

  /** The message of {@code e}, and of its innermost cause when that says something else. */
  private static String describe(Throwable e) {
    String outer = messageOf(e);
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String inner = messageOf(root);
    return root == e || outer.contains(inner) ? outer : outer + ": " + inner;
  }

  private static String messageOf(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
