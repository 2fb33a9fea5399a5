package io.delta4j.expr;

import java.util.Arrays;

/**
 * What one file's {@code stats} say about the columns of one bound predicate (PROTOCOL.md,
 * "Per-file Statistics"), indexed like {@link BoundPredicate#columns()}. Values are raw: typed, but
 * not yet judged for truncation; -1 stands for an absent count.
 */
final class FileStats {
  /** A file without statistics: nothing known. */
  static FileStats none(int columns) {
    return new FileStats(columns);
  }

  long numRecords = -1;
  /** Absent means true (PROTOCOL.md: "should be treated as true when it is not explicitly present"). */
  boolean tightBounds = true;
  final Object[] min;
  final Object[] max;
  final long[] nullCount;

  FileStats(int columns) {
    min = new Object[columns];
    max = new Object[columns];
    nullCount = new long[columns];
    Arrays.fill(nullCount, -1);
  }
}
