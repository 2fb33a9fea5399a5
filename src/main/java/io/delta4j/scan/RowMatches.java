package io.delta4j.scan;

import io.delta4j.data.dv.DeletedRows;
import java.util.Objects;

/**
 * Which rows of one data file a predicate matches ({@link FileRowMatcher#match}), by row index: the
 * 0-based position in the Parquet file, as deletion vectors count.
 *
 * @param deleted the rows the file's deletion vector already deletes; none without one
 * @param matched the live rows (not in {@code deleted}) for which the predicate is true; a row
 *     for which it is false or null (unknown) does not match
 * @param liveRows the number of rows of the file not in {@code deleted}
 */
public record RowMatches(DeletedRows deleted, DeletedRows matched, long liveRows) {
  public RowMatches {
    Objects.requireNonNull(deleted, "deleted");
    Objects.requireNonNull(matched, "matched");
    if (liveRows < matched.cardinality()) {
      throw new IllegalArgumentException(
          matched.cardinality() + " rows match, more than the " + liveRows + " live rows");
    }
  }

  /** No live row matches: a delete leaves the file as it is. */
  public boolean noneMatch() {
    return matched.isEmpty();
  }

  /** The file has live rows and all of them match: a delete removes the whole file. */
  public boolean allMatch() {
    return liveRows > 0 && matched.cardinality() == liveRows;
  }

  /** The rows deleted once the matches are: the file's new deletion vector. */
  public DeletedRows deletedAfter() {
    return deleted.union(matched);
  }
}
