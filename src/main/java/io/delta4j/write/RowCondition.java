package io.delta4j.write;

import io.delta4j.Row;
import io.delta4j.expr.BoundColumn;
import io.delta4j.expr.BoundPredicate;
import io.delta4j.expr.Literal;
import io.delta4j.expr.Predicates;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructType;
import java.util.StringJoiner;

/**
 * A condition every written row must make true: a CHECK constraint or a column invariant
 * (PROTOCOL.md, "CHECK Constraints", "Column Invariants"). Both fail on false and on null, as the
 * protocol says for invariants and Delta Spark does for both ({@code CheckDeltaInvariant}).
 *
 * @param kind {@code CHECK constraint} or {@code Invariant}, for messages
 * @param name the constraint's name, or {@code on <column>} for an invariant
 * @param expression the SQL text as the table stores it
 */
record RowCondition(String kind, String name, String expression, BoundPredicate predicate) {
  static final String CHECK = "CHECK constraint";
  static final String INVARIANT = "Invariant";

  /**
   * Parses and binds {@code expression} against the table schema (logical names, which is how
   * rows name columns).
   *
   * @throws io.delta4j.UnsupportedTableFeatureException naming {@code feature} when delta4j cannot
   *     parse the expression or it names a column the schema lacks
   */
  static RowCondition compile(
      String table, String feature, String kind, String name, String expression, StructType schema) {
    try {
      BoundPredicate bound = Predicates.parse(expression).bind(schema, ColumnMappingMode.NONE);
      return new RowCondition(kind, name, expression, bound);
    } catch (IllegalArgumentException e) {
      throw WriteErrors.unenforceable(table, feature, kind, name, expression, e.getMessage());
    }
  }

  void check(String table, Row row) {
    if (!predicate.test(row)) {
      throw WriteErrors.violated(table, kind, name, expression, values(row));
    }
  }

  /** The columns the condition reads, {@code name=value}, with values written as literals. */
  private String values(Row row) {
    StringJoiner out = new StringJoiner(", ");
    for (BoundColumn column : predicate.columns()) {
      out.add(column.name() + "=" + render(RowValues.get(row, column.logicalPath())));
    }
    return out.toString();
  }

  private static String render(Object value) {
    try {
      return Literal.of(value).toString();
    } catch (IllegalArgumentException e) {
      return String.valueOf(value); // structs, arrays and maps, which have no literal syntax
    }
  }
}
