package io.delta4j.write;

import io.delta4j.AppendOnlyTableException;
import io.delta4j.ConstraintViolationException;
import io.delta4j.DeltaErrors;
import io.delta4j.InvalidTableDefinitionException;
import io.delta4j.UnsupportedTableFeatureException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the errors of table creation and of the row checks, so that they read alike: the table,
 * then the problem, its cause and the fix.
 */
final class WriteErrors {
  private WriteErrors() {}

  /** A table definition the protocol does not allow; {@code detail} says what and how to fix it. */
  static InvalidTableDefinitionException invalidDefinition(String table, String detail) {
    return new InvalidTableDefinitionException(table, "Cannot create table: " + detail + ".");
  }

  static InvalidTableDefinitionException invalidProperty(String table, String key, String value, String detail) {
    return invalidDefinition(table, "the table property " + key + "=\"" + value + "\" is invalid: " + detail);
  }

  static InvalidTableDefinitionException unknownFeature(String table, String key, Collection<String> known) {
    return invalidDefinition(table, "the table property " + key + " names no table feature delta4j knows; known"
        + " features: " + new TreeSet<>(known));
  }

  /** A property that asks for a feature whose set-up on a new table delta4j does not implement. */
  static InvalidTableDefinitionException cannotCreate(String table, String key, String value, String detail) {
    return invalidDefinition(table, "the table property " + key + "=" + value + " is not supported: " + detail);
  }

  static ConstraintViolationException notNull(String table, String column) {
    return new ConstraintViolationException(table, "NOT NULL on " + column, column + " IS NOT NULL",
        "Cannot write row: NOT NULL constraint violated: column " + column + " is null, but the schema declares it"
            + " non-nullable; give it a value.");
  }

  /**
   * A row that breaks a CHECK constraint or an invariant.
   *
   * @param kind {@code CHECK constraint} or {@code Invariant}
   * @param values the columns the expression reads, rendered {@code name=value}
   */
  static ConstraintViolationException violated(
      String table, String kind, String name, String expression, String values) {
    return new ConstraintViolationException(table, name, expression,
        "Cannot write row: " + kind + " " + name + " (" + expression + ") violated by row with values: " + values
            + " (every row written must make it true; null counts as a violation).");
  }

  /** A constraint delta4j cannot evaluate, so it cannot write the table without breaking it. */
  static UnsupportedTableFeatureException unenforceable(
      String table, String feature, String kind, String name, String expression, String reason) {
    return new UnsupportedTableFeatureException(table, Set.of(feature),
        "Cannot write table: " + kind + " " + name + " (" + expression + ") cannot be enforced: " + reason
            + ". delta4j checks comparisons of columns with literals, IS [NOT] NULL, IN, NOT, AND and OR; write"
            + " with an engine that supports the expression, or drop the constraint.");
  }

  static AppendOnlyTableException appendOnly(String table, String operation) {
    return new AppendOnlyTableException(table, operation,
        "Cannot " + operation + ": the table is append-only (delta.appendOnly=true), so commits may not remove or"
            + " change data. Set delta.appendOnly=false (or remove it) to allow " + operation + ".");
  }

  static UnsupportedTableFeatureException unreadableAppendOnly(String table, String operation, String value) {
    return DeltaErrors.unsupportedProperty(table, operation, AppendOnly.PROPERTY, value,
        "is neither true nor false, so delta4j cannot tell whether the table is append-only");
  }
}
