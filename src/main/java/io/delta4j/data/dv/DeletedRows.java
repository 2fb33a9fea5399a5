package io.delta4j.data.dv;

import java.util.Arrays;
import java.util.function.LongConsumer;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rows a deletion vector deletes from one data file: an immutable set of row indexes, each the
 * 0-based position of a row in the Parquet file, counted across all its row groups (PROTOCOL.md
 * "Deletion Vectors"). Safe to share between threads.
 *
 * <p>Held as the format stores it: buckets keyed by the high 32 bits of the row index, in
 * ascending order, each a {@link RoaringBitmap} of the low 32 bits (read unsigned). Every query
 * goes to the library's containers, so a batch of consecutive rows is answered without testing
 * each row: {@link #countInRange} from the containers' cardinalities, {@link #forEachInRange} by
 * skipping straight to the first deleted row of the range.
 */
public final class DeletedRows {
  private static final DeletedRows NONE = new DeletedRows(new int[0], new RoaringBitmap[0]);
  private static final long BUCKET_SPAN = 1L << 32;

  /** The high 32 bits of each bucket: ascending, non-negative. */
  private final int[] keys;
  /** Non-empty; never modified after construction (RoaringBitmap reads are then thread-safe). */
  private final RoaringBitmap[] buckets;
  private final long cardinality;

  /** Takes ownership of the arrays; keys must be ascending and non-negative, buckets non-empty. */
  DeletedRows(int[] keys, RoaringBitmap[] buckets) {
    this.keys = keys;
    this.buckets = buckets;
    long total = 0;
    for (RoaringBitmap bucket : buckets) {
      total += bucket.getLongCardinality();
    }
    this.cardinality = total;
  }

  /** No deleted rows: the set for a file without a deletion vector. */
  public static DeletedRows none() {
    return NONE;
  }

  /**
   * The set of {@code rowIndexes}, in any order, duplicates allowed.
   *
   * @throws IllegalArgumentException when an index is negative
   */
  public static DeletedRows of(long... rowIndexes) {
    DeletedRowsBuilder builder = new DeletedRowsBuilder();
    for (long row : rowIndexes) {
      builder.add(row);
    }
    return builder.build();
  }

  /**
   * The rows of this set and of {@code other}: the deletion vector of a file after a further
   * delete, from its current vector and the rows newly deleted.
   */
  public DeletedRows union(DeletedRows other) {
    if (other.isEmpty()) {
      return this;
    }
    return isEmpty() ? other : new DeletedRowsBuilder().addAll(this).addAll(other).build();
  }

  /** Whether the row at {@code rowIndex} is deleted. */
  public boolean contains(long rowIndex) {
    if (rowIndex < 0) {
      return false;
    }
    int at = Arrays.binarySearch(keys, high(rowIndex));
    return at >= 0 && buckets[at].contains((int) rowIndex);
  }

  /** The number of deleted rows. */
  public long cardinality() {
    return cardinality;
  }

  public boolean isEmpty() {
    return cardinality == 0;
  }

  /** The smallest deleted row index at or after {@code from}, or -1 when there is none. */
  public long nextDeleted(long from) {
    long start = Math.max(from, 0);
    int at = Arrays.binarySearch(keys, high(start));
    if (at >= 0) {
      long low = buckets[at].nextValue((int) start); // unsigned; -1 when none
      if (low >= 0) {
        return base(keys[at]) | low;
      }
      at++;
    } else {
      at = -at - 1;
    }
    return at < keys.length ? base(keys[at]) | Integer.toUnsignedLong(buckets[at].first()) : -1;
  }

  /** The number of deleted rows with an index in {@code [start, end)}. */
  public long countInRange(long start, long end) {
    long[] count = {0};
    visitBuckets(start, end, (bucket, key, low, high) -> count[0] += bucket.rangeCardinality(low, high));
    return count[0];
  }

  /**
   * Passes each deleted row index in {@code [start, end)} to {@code action}, in ascending order. To
   * filter a batch of {@code n} rows that starts at row {@code s}:
   * {@code forEachInRange(s, s + n, row -> skip[(int) (row - s)] = true)}.
   */
  public void forEachInRange(long start, long end, LongConsumer action) {
    visitBuckets(start, end, (bucket, key, low, high) -> {
      long base = base(key);
      PeekableIntIterator it = bucket.getIntIterator();
      it.advanceIfNeeded((int) low); // unsigned
      while (it.hasNext()) {
        long value = Integer.toUnsignedLong(it.peekNext());
        if (value >= high) {
          return;
        }
        action.accept(base | value);
        it.next();
      }
    });
  }

  /**
   * Every deleted row index, ascending.
   *
   * @throws IllegalStateException when there are more than {@code Integer.MAX_VALUE - 8}
   */
  public long[] toArray() {
    if (cardinality > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(cardinality + " deleted rows do not fit in an array");
    }
    long[] out = new long[(int) cardinality];
    int at = 0;
    for (int i = 0; i < keys.length; i++) {
      long base = base(keys[i]);
      for (PeekableIntIterator it = buckets[i].getIntIterator(); it.hasNext(); ) {
        out[at++] = base | Integer.toUnsignedLong(it.next());
      }
    }
    return out;
  }

  /** The number of buckets, for serialization. */
  int bucketCount() {
    return keys.length;
  }

  /** The key (high 32 bits) of bucket {@code i}. */
  int key(int i) {
    return keys[i];
  }

  /** Bucket {@code i}; never to be modified. */
  RoaringBitmap bucket(int i) {
    return buckets[i];
  }

  /** A bucket's part of {@code [start, end)}: low 32 bits, {@code low} inclusive, {@code high} exclusive. */
  private interface BucketRange {
    void accept(RoaringBitmap bucket, int key, long low, long high);
  }

  private void visitBuckets(long start, long end, BucketRange visitor) {
    start = Math.max(start, 0);
    if (end <= start) {
      return;
    }
    int first = Arrays.binarySearch(keys, high(start));
    for (int at = first >= 0 ? first : -first - 1; at < keys.length; at++) {
      long base = base(keys[at]);
      if (base >= end) {
        return;
      }
      long low = Math.max(start - base, 0);
      long high = Math.min(end - base, BUCKET_SPAN);
      visitor.accept(buckets[at], keys[at], low, high);
    }
  }

  private static int high(long rowIndex) {
    return (int) (rowIndex >>> 32);
  }

  private static long base(int key) {
    return (long) key << 32;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeletedRows other
        && Arrays.equals(keys, other.keys)
        && Arrays.equals(buckets, other.buckets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(buckets);
  }

  /** The cardinality and the first few row indexes. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("DeletedRows[").append(cardinality).append(" rows");
    long row = nextDeleted(0);
    for (int shown = 0; row >= 0 && shown < 10; shown++) {
      out.append(shown == 0 ? ": " : ", ").append(row);
      row = row == Long.MAX_VALUE ? -1 : nextDeleted(row + 1);
    }
    return out.append(cardinality > 10 ? ", ...]" : "]").toString();
  }
}
