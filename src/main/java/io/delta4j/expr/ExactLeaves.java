package io.delta4j.expr;

import java.util.List;

/** Leaves whose column has one known value: a row's, or a partition column's for a whole file. */
final class ExactLeaves {
  private ExactLeaves() {}

  static int compare(Object value, Operator operator, Object literal) {
    if (value == null || literal == null) {
      return Outcomes.NULL;
    }
    return Outcomes.of(operator.holds(ValueOrder.compare(value, literal)));
  }

  /** True on a match; else unknown if the value or a listed value is null; else false. */
  static int in(Object value, List<Object> values) {
    if (value == null) {
      return Outcomes.NULL;
    }
    boolean sawNull = false;
    for (Object candidate : values) {
      if (candidate == null) {
        sawNull = true;
      } else if (ValueOrder.compare(value, candidate) == 0) {
        return Outcomes.TRUE;
      }
    }
    return sawNull ? Outcomes.NULL : Outcomes.FALSE;
  }

  static int nullTest(Object value, boolean wantNull) {
    return Outcomes.of((value == null) == wantNull);
  }
}
