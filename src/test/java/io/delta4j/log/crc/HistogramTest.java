package io.delta4j.log.crc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta.kernel.internal.stats.FileSizeHistogram;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bins of both histograms. */
class HistogramTest {
  private static final long[] BOUNDARIES =
      io.delta4j.log.crc.FileSizeHistogram.DEFAULT_BOUNDARIES.stream().mapToLong(Long::longValue).toArray();

  /** Delta Kernel (test scope) holds the same 95 bins as the .crc files Delta Spark writes. */
  @Test
  void defaultBinsAreDeltas() {
    long[] kernel = FileSizeHistogram.createDefaultHistogram().captureFileSizeHistogramResult()
        .getSortedBinBoundaries();
    assertEquals(Arrays.toString(kernel), Arrays.toString(BOUNDARIES));
    assertEquals(95, BOUNDARIES.length);
    assertEquals(274_877_906_944L, BOUNDARIES[94]); // 256 GiB
  }

  @Test
  void fileSizeBinIsTheLastBoundaryAtOrBelow() {
    assertEquals(0, io.delta4j.log.crc.FileSizeHistogram.binOf(BOUNDARIES, 0));
    assertEquals(0, io.delta4j.log.crc.FileSizeHistogram.binOf(BOUNDARIES, 8191));
    assertEquals(1, io.delta4j.log.crc.FileSizeHistogram.binOf(BOUNDARIES, 8192));
    assertEquals(31, io.delta4j.log.crc.FileSizeHistogram.binOf(BOUNDARIES, 128L << 20)); // 128 MiB
    assertEquals(94, io.delta4j.log.crc.FileSizeHistogram.binOf(BOUNDARIES, Long.MAX_VALUE));
  }

  /** "Deleted Record Counts Histogram Schema": the ten ranges. */
  @Test
  void deletedRecordBins() {
    long[][] cases = {{0, 0}, {1, 1}, {9, 1}, {10, 2}, {99, 2}, {100, 3}, {9_999_999, 7}, {10_000_000, 8},
        {Integer.MAX_VALUE - 1L, 8}, {Integer.MAX_VALUE, 9}, {Long.MAX_VALUE, 9}};
    for (long[] c : cases) {
      assertEquals(c[1], DeletedRecordCountsHistogram.binOf(c[0]), "bin of " + c[0]);
    }
  }

  @Test
  void checksTheShapeOfAHistogram() {
    assertEquals("sortedBinBoundaries must start with 0", assertThrows(IllegalArgumentException.class,
        () -> new io.delta4j.log.crc.FileSizeHistogram(List.of(1L), List.of(0L), List.of(0L))).getMessage());
    assertEquals("sortedBinBoundaries must be strictly increasing", assertThrows(IllegalArgumentException.class,
        () -> new io.delta4j.log.crc.FileSizeHistogram(List.of(0L, 0L), List.of(0L, 0L), List.of(0L, 0L)))
        .getMessage());
    assertEquals("deletedRecordCounts must have 10 entries, has 2", assertThrows(IllegalArgumentException.class,
        () -> new DeletedRecordCountsHistogram(List.of(0L, 0L))).getMessage());
  }
}
