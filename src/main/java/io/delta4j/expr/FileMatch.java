package io.delta4j.expr;

/** What a {@link FileFilter} can tell about a file from its partition values and statistics. */
public enum FileMatch {
  /** No row of the file satisfies the predicate: skip the file. */
  NONE,
  /** Some rows may: read the file and filter its rows. */
  SOME,
  /** Every row satisfies it: read the file, and filtering its rows would change nothing. */
  ALL
}
