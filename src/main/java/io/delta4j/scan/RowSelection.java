package io.delta4j.scan;

import io.delta4j.data.dv.DeletedRows;
import java.util.Objects;

/**
 * Which rows of a data file to read, by row index (the 0-based position in the Parquet file across
 * its row groups, as deletion vectors count): the rows of {@code include} (or every row) that are
 * not in {@code exclude}. A scan reads every row its deletion vector does not delete; a change
 * data feed read of a deletion vector update reads only the rows the new vector deletes and the
 * old one did not. Immutable.
 */
public final class RowSelection {
  private static final RowSelection ALL = new RowSelection(null, DeletedRows.none());

  private final DeletedRows include; // null: every row
  private final DeletedRows exclude;

  private RowSelection(DeletedRows include, DeletedRows exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  /** Every row. */
  public static RowSelection all() {
    return ALL;
  }

  /** Every row except those {@code deleted} holds: a file read through its deletion vector. */
  public static RowSelection without(DeletedRows deleted) {
    Objects.requireNonNull(deleted, "deleted");
    return deleted.isEmpty() ? ALL : new RowSelection(null, deleted);
  }

  /** The rows of {@code include} that are not in {@code exclude}. */
  public static RowSelection difference(DeletedRows include, DeletedRows exclude) {
    return new RowSelection(Objects.requireNonNull(include, "include"), Objects.requireNonNull(exclude, "exclude"));
  }

  /** Whether every row is kept, so that no row index needs testing. */
  public boolean keepsAll() {
    return include == null && exclude.isEmpty();
  }

  /** Whether the row at {@code rowIndex} is kept. */
  public boolean keeps(long rowIndex) {
    return (include == null || include.contains(rowIndex)) && !exclude.contains(rowIndex);
  }

  /**
   * Whether no row can be kept, so that the file need not be opened. Only a difference can know
   * that without the file: a selection of every row but some is never taken as empty.
   */
  public boolean isEmpty() {
    if (include == null) {
      return false;
    }
    for (long row = include.nextDeleted(0); row >= 0; row = row == Long.MAX_VALUE ? -1 : include.nextDeleted(row + 1)) {
      if (!exclude.contains(row)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return include == null ? "all rows except " + exclude : include + " except " + exclude;
  }
}
