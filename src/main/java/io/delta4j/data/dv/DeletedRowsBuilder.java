package io.delta4j.data.dv;

import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * Collects row indexes into a {@link DeletedRows}: the rows a delete matches in one data file, or
 * the union of a file's deletion vector with newly deleted rows. Indexes may come in any order and
 * more than once; ascending order, the order a file is read in, is the fastest. Not thread-safe.
 */
public final class DeletedRowsBuilder {
  /** Buckets by key (the high 32 bits), as {@link DeletedRows} holds them; none is empty. */
  private final TreeMap<Integer, RoaringBitmap> buckets = new TreeMap<>();
  /** The bucket of the last index added, which the next one almost always shares. */
  private int lastKey = -1;
  private RoaringBitmap last;

  /**
   * Adds one row index.
   *
   * @throws IllegalArgumentException when it is negative
   */
  public DeletedRowsBuilder add(long rowIndex) {
    if (rowIndex < 0) {
      throw new IllegalArgumentException(
          "Row index " + rowIndex + " is negative; row indexes count the rows of a file from 0.");
    }
    bucket((int) (rowIndex >>> 32)).add((int) rowIndex);
    return this;
  }

  /** Adds every row of {@code rows}, bucket by bucket. */
  public DeletedRowsBuilder addAll(DeletedRows rows) {
    for (int i = 0; i < rows.bucketCount(); i++) {
      bucket(rows.key(i)).or(rows.bucket(i));
    }
    return this;
  }

  /** The rows added so far. The builder is empty afterwards, ready for another set. */
  public DeletedRows build() {
    if (buckets.isEmpty()) {
      return DeletedRows.none();
    }
    int[] keys = new int[buckets.size()];
    RoaringBitmap[] bitmaps = new RoaringBitmap[buckets.size()];
    int i = 0;
    for (Map.Entry<Integer, RoaringBitmap> bucket : buckets.entrySet()) {
      keys[i] = bucket.getKey();
      // Run containers where they are smaller, as Delta-Spark does before it serializes a new
      // vector (BitmapAggregator): the same rows then give the same bytes.
      bucket.getValue().runOptimize();
      bitmaps[i++] = bucket.getValue();
    }
    // The bitmaps now belong to the immutable result: forget them.
    buckets.clear();
    lastKey = -1;
    last = null;
    return new DeletedRows(keys, bitmaps);
  }

  private RoaringBitmap bucket(int key) {
    if (key != lastKey || last == null) {
      last = buckets.computeIfAbsent(key, k -> new RoaringBitmap());
      lastKey = key;
    }
    return last;
  }
}
