package io.delta4j.log.crc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the live files of a version spread over sizes (PROTOCOL.md, "File Size Histogram Schema"):
 * bin {@code i} holds the files with {@code sortedBinBoundaries[i] <= size <
 * sortedBinBoundaries[i + 1]}, the last bin having no upper bound.
 *
 * @param sortedBinBoundaries the start of each bin, strictly increasing from 0
 * @param fileCounts the number of files in each bin
 * @param totalBytes the sum of the sizes of the files in each bin
 */
public record FileSizeHistogram(List<Long> sortedBinBoundaries, List<Long> fileCounts, List<Long> totalBytes) {
  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;
  private static final long GIB = 1024 * MIB;

  /**
   * The 95 bins Delta Spark and Delta Kernel write: finer around the usual target file sizes
   * (128 MiB, 1 GiB), so that a histogram shows how far a table is from them.
   */
  public static final List<Long> DEFAULT_BOUNDARIES = defaultBoundaries();

  public FileSizeHistogram {
    sortedBinBoundaries = List.copyOf(sortedBinBoundaries);
    fileCounts = List.copyOf(fileCounts);
    totalBytes = List.copyOf(totalBytes);
    int bins = sortedBinBoundaries.size();
    if (bins == 0 || sortedBinBoundaries.get(0) != 0) {
      throw new IllegalArgumentException("sortedBinBoundaries must start with 0");
    }
    for (int i = 1; i < bins; i++) {
      if (sortedBinBoundaries.get(i) <= sortedBinBoundaries.get(i - 1)) {
        throw new IllegalArgumentException("sortedBinBoundaries must be strictly increasing");
      }
    }
    if (fileCounts.size() != bins || totalBytes.size() != bins) {
      throw new IllegalArgumentException("fileCounts and totalBytes must have one entry per bin ("
          + bins + "), have " + fileCounts.size() + " and " + totalBytes.size());
    }
  }

  /** A histogram of no files over {@link #DEFAULT_BOUNDARIES}. */
  public static FileSizeHistogram empty() {
    List<Long> zeros = Collections.nCopies(DEFAULT_BOUNDARIES.size(), 0L);
    return new FileSizeHistogram(DEFAULT_BOUNDARIES, zeros, zeros);
  }

  /** The bin a file of {@code size} bytes falls in: the last boundary at or below it. */
  static int binOf(long[] boundaries, long size) {
    int lo = 0;
    int hi = boundaries.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (boundaries[mid] <= size) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static List<Long> defaultBoundaries() {
    List<Long> b = new ArrayList<>();
    b.add(0L);
    for (long s = 8 * KIB; s <= 4 * MIB; s *= 2) {
      b.add(s);
    }
    steps(b, 8 * MIB, 40 * MIB, 4 * MIB);
    steps(b, 48 * MIB, 120 * MIB, 8 * MIB);
    steps(b, 124 * MIB, 144 * MIB, 4 * MIB);
    steps(b, 160 * MIB, 576 * MIB, 16 * MIB);
    steps(b, 640 * MIB, 1408 * MIB, 64 * MIB);
    steps(b, 1536 * MIB, 2 * GIB, 128 * MIB);
    steps(b, 2304 * MIB, 4 * GIB, 256 * MIB);
    for (long s = 8 * GIB; s <= 256 * GIB; s *= 2) {
      b.add(s);
    }
    return List.copyOf(b);
  }

  private static void steps(List<Long> boundaries, long from, long to, long step) {
    for (long s = from; s <= to; s += step) {
      boundaries.add(s);
    }
  }
}
