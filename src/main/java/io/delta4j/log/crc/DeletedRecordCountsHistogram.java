package io.delta4j.log.crc;

import java.util.List;

/**
 * How many live files have how many rows deleted by their deletion vector (PROTOCOL.md, "Deleted
 * Record Counts Histogram Schema"). Ten bins: 0, 1-9, 10-99, ..., 1,000,000-9,999,999, then
 * 10,000,000 to {@code Integer.MAX_VALUE - 1}, then {@code Integer.MAX_VALUE} and more. A file
 * without a deletion vector counts in bin 0.
 *
 * @param deletedRecordCounts the number of files in each bin
 */
public record DeletedRecordCountsHistogram(List<Long> deletedRecordCounts) {
  /** The number of bins the protocol defines. */
  public static final int BINS = 10;

  public DeletedRecordCountsHistogram {
    deletedRecordCounts = List.copyOf(deletedRecordCounts);
    if (deletedRecordCounts.size() != BINS) {
      throw new IllegalArgumentException(
          "deletedRecordCounts must have " + BINS + " entries, has " + deletedRecordCounts.size());
    }
  }

  /** The bin of a file with {@code deleted} deleted rows. */
  static int binOf(long deleted) {
    if (deleted >= Integer.MAX_VALUE) {
      return BINS - 1;
    }
    int bin = 0;
    for (long bound = 1; deleted >= bound && bin < BINS - 2; bound *= 10) {
      bin++;
    }
    return bin;
  }
}
