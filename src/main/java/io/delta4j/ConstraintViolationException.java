package io.delta4j;

/**
 * A row being written breaks one of the table's constraints (PROTOCOL.md "Column Invariants",
 * "CHECK Constraints", and the non-nullable fields of the schema). The write is refused and the
 * table stays unchanged.
 */
public final class ConstraintViolationException extends DeltaException {
  private final String constraint;
  private final String expression;

  /**
   * @param constraint the constraint's name: a CHECK constraint's name, or a description such as
   *     {@code invariant on x} or {@code NOT NULL on a.b}
   * @param expression the condition every row must meet, as the table states it
   */
  public ConstraintViolationException(String table, String constraint, String expression, String message) {
    super(table, message);
    this.constraint = constraint;
    this.expression = expression;
  }

  /** The violated constraint's name. */
  public String constraint() {
    return constraint;
  }

  /** The violated condition, e.g. {@code id > 0} or {@code a.b IS NOT NULL}. */
  public String expression() {
    return expression;
  }
}
