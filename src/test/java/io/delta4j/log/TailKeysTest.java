package io.delta4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.FileAction;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The suffix filter in front of the tail lookup must never reject what the full lookup accepts. */
class TailKeysTest {
  private static final URI ROOT = URI.create("file:/tmp/t/");
  private static final FileKeys KEYS = new FileKeys(ROOT);

  private static AddFile add(String path) {
    return add(path, Optional.empty());
  }

  private static AddFile add(String path, Optional<DeletionVectorDescriptor> dv) {
    return new AddFile(path, Map.of(), 1, 1, true, Optional.empty(), Map.of(), dv, OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty());
  }

  private static TailKeys tail(FileAction... actions) {
    Map<String, FileAction> tail = new LinkedHashMap<>();
    for (FileAction a : actions) {
      tail.put(KEYS.of(a), a);
    }
    return new TailKeys(tail, KEYS);
  }

  /** The answer without the filter. */
  private static boolean plain(List<FileAction> tail, FileAction action) {
    return tail.stream().anyMatch(t -> KEYS.of(t).equals(KEYS.of(action)));
  }

  @Test
  void sameAnswersAsTheFullLookup() {
    List<FileAction> tail = List.of(
        add("date=2024-01-01/part-00001-0a1b2c3d-c000.snappy.parquet"),
        add("special%20p%40%23h/part-00002-4e5f-c000.snappy.parquet"),
        add("a.parquet"),
        add("date=2024-01-05/part-00004-" + "e".repeat(24) + "-c000.snappy.parquet"),
        add("date=2024-01-02/part-00003-77-c000.snappy.parquet",
            Optional.of(new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", OptionalInt.of(1), 36, 2))));
    TailKeys keys = tail(tail.toArray(new FileAction[0]));
    List<FileAction> probes = List.of(
        add("date=2024-01-01/part-00001-0a1b2c3d-c000.snappy.parquet"),
        add("file:///tmp/t/date=2024-01-01/part-00001-0a1b2c3d-c000.snappy.parquet"),
        add("/tmp/t/date=2024-01-01/part-00001-0a1b2c3d-c000.snappy.parquet"),
        add("special p@#h/part-00002-4e5f-c000.snappy.parquet"),
        add("special%20p@%23h/part-00002-4e5f-c000.snappy.parquet"),
        add("./a.parquet"),
        add("file:/tmp/t/a.parquet"),
        add("a.parquet"),
        add("date=2024-01-02/part-00003-77-c000.snappy.parquet"), // no DV: another key
        add("date=2024-01-02/part-00003-77-c000.snappy.parquet",
            Optional.of(new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", OptionalInt.of(1), 36, 2))),
        add("date=2024-01-01/part-00009-0a1b2c3d-c000.snappy.parquet"),
        add("b.parquet"),
        add("date=2024-01-05/part%2D00004-" + "e".repeat(24) + "-c000.snappy.parquet"));
    int accepted = 0;
    for (FileAction probe : probes) {
      boolean expected = plain(tail, probe);
      assertEquals(expected, keys.contains(probe), probe.path());
      accepted += expected ? 1 : 0;
    }
    assertEquals(10, accepted);
  }

  @Test
  void aKeyWithoutAnUnreservedTailTurnsTheFilterOff() {
    TailKeys keys = tail(add("x/name%20with%20space"), add("y/part-1.parquet"));
    assertTrue(keys.contains(add("x/name with space")));
    assertTrue(keys.contains(add("y/part-1.parquet")));
    assertFalse(keys.contains(add("y/part-2.parquet")));
  }

  @Test
  void suffixHashTakesOnlyUnreservedTails() {
    assertTrue(TailKeys.suffixHash("date=2024-01-01/part-00001-0a1b2c3d-c000.snappy.parquet") >= 0);
    assertEquals(-1, TailKeys.suffixHash("x/a%20b.parquet"));
    assertEquals(-1, TailKeys.suffixHash("x/./y.parquet"));
    assertEquals(-1, TailKeys.suffixHash("x/"));
    // An escape whose digits fall in the last 32 characters: "%2D" is "-" in the key.
    assertEquals(-1, TailKeys.suffixHash("x/a%2D" + "b".repeat(29) + ".p"));
    assertTrue(TailKeys.suffixHash("x/a%2D" + "b".repeat(30) + ".p") >= 0); // the escape ends before them
    assertEquals(-1, TailKeys.suffixHash("x/a%2" + "D".repeat(32)));
    assertFalse(tail().contains(add("a.parquet")));
  }
}
