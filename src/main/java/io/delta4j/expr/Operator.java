package io.delta4j.expr;

/** A comparison operator, with the SQL symbol it is written with. */
public enum Operator {
  EQUAL("="),
  NOT_EQUAL("<>"),
  LESS_THAN("<"),
  LESS_THAN_OR_EQUAL("<="),
  GREATER_THAN(">"),
  GREATER_THAN_OR_EQUAL(">=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The operator with its operands swapped: {@code 5 < x} is {@code x > 5}. */
  public Operator flip() {
    return switch (this) {
      case EQUAL, NOT_EQUAL -> this;
      case LESS_THAN -> GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
    };
  }

  /** Whether {@code a op b} holds, given the sign of {@code compare(a, b)}. */
  boolean holds(int comparison) {
    return switch (this) {
      case EQUAL -> comparison == 0;
      case NOT_EQUAL -> comparison != 0;
      case LESS_THAN -> comparison < 0;
      case LESS_THAN_OR_EQUAL -> comparison <= 0;
      case GREATER_THAN -> comparison > 0;
      case GREATER_THAN_OR_EQUAL -> comparison >= 0;
    };
  }
}
