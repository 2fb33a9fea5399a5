package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Multiset comparison of row texts: multiplicities count, order does not, differences are shown. */
class RowCheckTest {
  private static RowCheck.Side of(String... texts) {
    return sink -> List.of(texts).forEach(sink);
  }

  @Test
  void equalMultisetsInAnyOrder() {
    assertNull(RowCheck.compare(of("a", "b", "a"), of("a", "a", "b")));
    assertNull(RowCheck.compare(of(), of()));
  }

  @Test
  void multiplicitiesAndBothSidesAreReported() {
    assertEquals("expected 3 rows, actual 3; missing 1: a; unexpected 1: b",
        RowCheck.compare(of("a", "a", "b"), of("a", "b", "b")));
    assertEquals("expected 3 rows, actual 0; missing 3: 2x a b; unexpected none",
        RowCheck.compare(of("a", "b", "a"), of()));
    assertEquals("expected 0 rows, actual 1; missing none; unexpected 1: c", RowCheck.compare(of(), of("c")));
  }

  @Test
  void hashesSeparateNearTexts() {
    assertNotEquals(RowCheck.hash("{id=long:1}"), RowCheck.hash("{id=int:1}"));
    assertNotEquals(RowCheck.hash("ab"), RowCheck.hash("ba"));
    assertNotEquals(RowCheck.hash(""), RowCheck.hash("\0"));
  }
}
