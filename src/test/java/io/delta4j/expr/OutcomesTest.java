package io.delta4j.expr;

import static io.delta4j.expr.Outcomes.ANY;
import static io.delta4j.expr.Outcomes.FALSE;
import static io.delta4j.expr.Outcomes.NULL;
import static io.delta4j.expr.Outcomes.TRUE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Kleene's three-valued logic, on single values and on sets of them. */
class OutcomesTest {
  @Test
  void truthTables() {
    assertEquals(FALSE, Outcomes.not(TRUE));
    assertEquals(TRUE, Outcomes.not(FALSE));
    assertEquals(NULL, Outcomes.not(NULL));

    assertEquals(TRUE, Outcomes.and(TRUE, TRUE));
    assertEquals(FALSE, Outcomes.and(TRUE, FALSE));
    assertEquals(NULL, Outcomes.and(TRUE, NULL));
    assertEquals(FALSE, Outcomes.and(FALSE, NULL));
    assertEquals(FALSE, Outcomes.and(NULL, FALSE));
    assertEquals(NULL, Outcomes.and(NULL, NULL));

    assertEquals(TRUE, Outcomes.or(TRUE, NULL));
    assertEquals(TRUE, Outcomes.or(NULL, TRUE));
    assertEquals(NULL, Outcomes.or(FALSE, NULL));
    assertEquals(FALSE, Outcomes.or(FALSE, FALSE));
    assertEquals(NULL, Outcomes.or(NULL, NULL));
  }

  @Test
  void setsCombineEveryPair() {
    assertEquals(TRUE | NULL, Outcomes.and(TRUE | NULL, TRUE));
    assertEquals(FALSE | NULL, Outcomes.and(TRUE | NULL, FALSE | NULL));
    assertEquals(FALSE, Outcomes.and(ANY, FALSE));
    assertEquals(ANY, Outcomes.and(ANY, ANY));
    assertEquals(TRUE, Outcomes.or(ANY, TRUE));
    assertEquals(TRUE | NULL, Outcomes.or(NULL, TRUE | FALSE));
    assertEquals(FALSE | NULL, Outcomes.not(TRUE | NULL));
    assertEquals(0, Outcomes.and(0, TRUE));
  }
}
