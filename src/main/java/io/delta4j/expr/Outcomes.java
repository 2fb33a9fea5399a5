package io.delta4j.expr;

/**
 * SQL's three truth values, and sets of them as bit masks. A predicate evaluated on one row gives
 * one value; evaluated on what is known of a file (partition values, statistics), it gives the set
 * of values it may take on the file's rows. The set is computed leaf by leaf and combined with the
 * operators applied to every pair of members, which over-approximates the true set (it forgets that
 * two leaves see the same row) but never misses a member. So a file whose set lacks TRUE holds no
 * row the predicate keeps, and a file whose set is exactly {TRUE} holds only such rows.
 */
final class Outcomes {
  static final int TRUE = 1;
  static final int FALSE = 2;
  /** SQL's unknown, the result of comparing with null. */
  static final int NULL = 4;
  /** Nothing is known. */
  static final int ANY = TRUE | FALSE | NULL;

  private Outcomes() {}

  static int of(boolean value) {
    return value ? TRUE : FALSE;
  }

  static int not(int a) {
    return (a & NULL) | ((a & TRUE) << 1) | ((a & FALSE) >> 1);
  }

  static int and(int a, int b) {
    int out = 0;
    if ((a & TRUE) != 0 && (b & TRUE) != 0) {
      out |= TRUE;
    }
    if (((a & FALSE) != 0 && b != 0) || ((b & FALSE) != 0 && a != 0)) {
      out |= FALSE;
    }
    if (((a & NULL) != 0 && (b & (TRUE | NULL)) != 0) || ((b & NULL) != 0 && (a & (TRUE | NULL)) != 0)) {
      out |= NULL;
    }
    return out;
  }

  static int or(int a, int b) {
    return not(and(not(a), not(b)));
  }

  static boolean mayBeTrue(int a) {
    return (a & TRUE) != 0;
  }
}
