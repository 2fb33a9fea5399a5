package io.delta4j.data;

import io.delta4j.DeltaErrors;
import io.delta4j.DeltaException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.function.Function;

/**
 * What every translation of a failed Parquet read (data files, checkpoints) shares: finding a
 * missing file or a failing storage among the causes, and describing any other failure.
 */
public final class ReadFailures {
  private ReadFailures() {}

  /**
   * The error for a missing file or a failed storage read anywhere among the causes of {@code e},
   * or {@code null} when it is neither.
   *
   * @param missing the error for a missing file, given the {@link NoSuchFileException}
   */
  public static DeltaException missingOrStorage(
      Throwable e, String table, URI location, Function<Throwable, DeltaException> missing) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NoSuchFileException) {
        return missing.apply(t);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StorageReadException s) {
        return DeltaErrors.storage(table, "read", location, s.getCause());
      }
    }
    return null;
  }

  /** The message of {@code e}, and of its innermost cause when that says something else. */
  public static String describe(Throwable e) {
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
