package io.delta4j.data.dv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The queries of {@link DeletedRows}, each checked against a plain sorted set of the same rows. */
class DeletedRowsTest {
  private static final long B = 1L << 32; // one bucket

  static Stream<Arguments> sets() {
    Random random = new Random(7);
    long[] sparse = random.longs(500, 0, 10 * B).toArray();
    long[] dense = LongStream.range(0, 70_000).filter(r -> r % 3 != 0).toArray(); // bitmap containers
    long[] runs = LongStream.concat(LongStream.range(1_000_000, 1_070_000), LongStream.range(B - 5, B + 5)).toArray();
    return Stream.of(
        Arguments.of("empty", new long[0]),
        Arguments.of("row 0", new long[] {0}),
        Arguments.of("spec example", new long[] {3, 4, 7, 11, 18, 29}),
        Arguments.of("bucket edges", new long[] {0, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, B - 1, B, B + 1, 3 * B + 7, 1L << 62, Long.MAX_VALUE}),
        Arguments.of("sparse over 10 buckets", sparse),
        Arguments.of("dense", dense),
        Arguments.of("runs", runs));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void agreesWithASortedSet(String name, long[] rows) throws InvalidDeletionVector {
    DeletedRows deleted = BitmapFormat.read(ByteBuffer.wrap(DvFixtures.portable(rows)));
    NavigableSet<Long> expected = new TreeSet<>();
    for (long row : rows) {
      expected.add(row);
    }
    assertEquals(expected.size(), deleted.cardinality());
    assertEquals(expected.isEmpty(), deleted.isEmpty());
    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), deleted.toArray());

    for (long probe : probes(expected)) {
      assertEquals(expected.contains(probe), deleted.contains(probe), "contains " + probe);
      Long next = probe < 0 ? (expected.isEmpty() ? null : expected.first()) : expected.ceiling(probe);
      assertEquals(next == null ? -1 : next, deleted.nextDeleted(probe), "nextDeleted " + probe);
      for (long length : new long[] {0, 1, 3, 1000, B + 2}) {
        long end = probe > Long.MAX_VALUE - length ? Long.MAX_VALUE : probe + length;
        long start = Math.max(probe, 0);
        NavigableSet<Long> in = end <= start ? new TreeSet<>() : expected.subSet(start, true, end, false);
        assertEquals(in.size(), deleted.countInRange(probe, end), "countInRange " + probe + ", " + end);
        if (length <= 1000) { // the whole range is visited once below
          List<Long> seen = new ArrayList<>();
          deleted.forEachInRange(probe, end, seen::add);
          assertEquals(List.copyOf(in), seen, "forEachInRange " + probe + ", " + end);
        }
      }
    }
    List<Long> all = new ArrayList<>();
    deleted.forEachInRange(Long.MIN_VALUE, Long.MAX_VALUE, all::add);
    assertEquals(List.copyOf(expected.headSet(Long.MAX_VALUE)), all);
    // Ranges end before their end, so Long.MAX_VALUE itself is never in one.
    assertEquals(expected.headSet(Long.MAX_VALUE).size(), deleted.countInRange(Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** Each row and its neighbours (for at most 40 rows), bucket edges, and out-of-range values. */
  private static List<Long> probes(NavigableSet<Long> rows) {
    TreeSet<Long> probes = new TreeSet<>(List.of(-5L, 0L, 1L, B - 1, B, 2 * B, Long.MAX_VALUE - 1, Long.MAX_VALUE));
    int step = Math.max(1, rows.size() / 40);
    int i = 0;
    for (long row : rows) {
      if (i++ % step == 0) {
        for (long probe : new long[] {row - 1, row, row + 1}) {
          if (probe >= -1) { // skip overflow of Long.MAX_VALUE + 1
            probes.add(probe);
          }
        }
      }
    }
    return List.copyOf(probes);
  }

  @Test
  void noneIsEmpty() {
    DeletedRows none = DeletedRows.none();
    assertTrue(none.isEmpty());
    assertEquals(0, none.cardinality());
    assertFalse(none.contains(0));
    assertEquals(-1, none.nextDeleted(0));
    assertEquals(0, none.countInRange(0, Long.MAX_VALUE));
    assertArrayEquals(new long[0], none.toArray());
    assertEquals("DeletedRows[0 rows]", none.toString());
  }

  @Test
  void valueSemantics() throws InvalidDeletionVector {
    DeletedRows a = BitmapFormat.read(ByteBuffer.wrap(DvFixtures.portable(3, 4, B + 1)));
    DeletedRows b = BitmapFormat.read(ByteBuffer.wrap(DvFixtures.portable(3, 4, B + 1)));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, BitmapFormat.read(ByteBuffer.wrap(DvFixtures.portable(3, 4))));
    assertEquals(DeletedRows.none(), BitmapFormat.read(ByteBuffer.wrap(DvFixtures.portable())));
    assertEquals("DeletedRows[3 rows: 3, 4, 4294967297]", a.toString());
    long[] many = LongStream.range(0, 12).toArray();
    assertEquals("DeletedRows[12 rows: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...]",
        BitmapFormat.read(ByteBuffer.wrap(DvFixtures.portable(many))).toString());
  }
}
