package io.delta4j.expr;

import java.util.List;

/**
 * Leaves evaluated on what statistics prove about a column ({@link ColumnBounds}): the set of
 * truth values a comparison may take on the file's rows. For a literal, a non-null value may lie
 * below it, equal it or lie above it; each is ruled out only by a bound, and the operator then
 * says which of these make the comparison true and which false.
 */
final class BoundsLeaves {
  private static final int BELOW = 1;
  private static final int EQUAL = 2;
  private static final int ABOVE = 4;

  private BoundsLeaves() {}

  static int compare(ColumnBounds bounds, Operator operator, Object literal) {
    if (literal == null) {
      return Outcomes.NULL;
    }
    int out = bounds.mayHaveNull() ? Outcomes.NULL : 0;
    if (bounds.mayHaveValue()) {
      int places = places(bounds, literal);
      if ((places & BELOW) != 0) {
        out |= Outcomes.of(operator.holds(-1));
      }
      if ((places & EQUAL) != 0) {
        out |= Outcomes.of(operator.holds(0));
      }
      if ((places & ABOVE) != 0) {
        out |= Outcomes.of(operator.holds(1));
      }
    }
    return out;
  }

  /** As the OR of equalities, which is what IN means. */
  static int in(ColumnBounds bounds, List<Object> values) {
    int out = 0;
    for (Object value : values) {
      int equal = compare(bounds, Operator.EQUAL, value);
      out = out == 0 ? equal : Outcomes.or(out, equal);
    }
    return out;
  }

  static int nullTest(ColumnBounds bounds, boolean wantNull) {
    int out = 0;
    if (bounds.mayHaveNull()) {
      out |= Outcomes.of(wantNull);
    }
    if (bounds.mayHaveValue()) {
      out |= Outcomes.of(!wantNull);
    }
    return out;
  }

  /** Where a non-null value may lie relative to {@code literal}: a mask of BELOW, EQUAL, ABOVE. */
  private static int places(ColumnBounds bounds, Object literal) {
    if (ValueOrder.isNaN(literal)) {
      // NaN is the largest value: nothing lies above it, and no bound here rules out the rest.
      return BELOW | EQUAL;
    }
    int places = BELOW | EQUAL | ABOVE;
    Object lower = bounds.lower();
    if (lower != null) {
      int c = ValueOrder.compare(lower, literal);
      if (c >= 0) {
        places &= ~BELOW;
      }
      if (c > 0) {
        places &= ~EQUAL;
      }
    }
    Object upper = bounds.upper();
    if (upper != null) {
      switch (bounds.upperKind()) {
        case INCLUSIVE: {
          int c = ValueOrder.compare(upper, literal);
          if (c <= 0) {
            places &= ~ABOVE;
          }
          if (c < 0) {
            places &= ~EQUAL;
          }
          break;
        }
        case PREFIX: {
          // Values start with at most the bound; if the literal starts with more, all lie below it.
          String prefix = (String) upper;
          if (ValueOrder.compareCodePoints(truncate((String) literal, prefix), prefix) > 0) {
            places &= ~(EQUAL | ABOVE);
          }
          break;
        }
        case NOT_NAN: {
          // NaN may lie above: the bound rules out only equality with a larger number.
          if (ValueOrder.compare(upper, literal) < 0) {
            places &= ~EQUAL;
          }
          break;
        }
        default:
          throw new AssertionError(bounds.upperKind());
      }
    }
    return places;
  }

  /** {@code s} cut to as many code points as {@code prefix} has. */
  private static String truncate(String s, String prefix) {
    int codePoints = prefix.codePointCount(0, prefix.length());
    if (s.codePointCount(0, s.length()) <= codePoints) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, codePoints));
  }
}
