package io.delta4j.write;

import com.fasterxml.jackson.core.JsonParser;
import io.delta4j.Row;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every rule a row must meet to be written to a table, compiled once per table version: the
 * non-nullable fields of the schema (nested ones per Delta's rules, see {@link NotNullRule}),
 * column invariants ({@code delta.invariants} field metadata, PROTOCOL.md "Column Invariants") and
 * CHECK constraints ({@code delta.constraints.<name>} properties, PROTOCOL.md "CHECK
 * Constraints"). Like Delta Spark, they are enforced whatever the protocol version. Immutable and
 * safe to share between threads.
 */
public final class RowConstraints {
  /** The prefix of CHECK constraint properties. */
  public static final String CONSTRAINT_PREFIX = "delta.constraints.";

  /** The field metadata key of a column invariant. */
  public static final String INVARIANTS_KEY = "delta.invariants";

  private final String table;
  private final NotNullRule notNull;
  private final List<RowCondition> conditions;

  private RowConstraints(String table, NotNullRule notNull, List<RowCondition> conditions) {
    this.table = table;
    this.notNull = notNull;
    this.conditions = List.copyOf(conditions);
  }

  /**
   * Compiles the constraints of a table with this schema and these properties.
   *
   * @throws io.delta4j.UnsupportedTableFeatureException naming the feature ({@code invariants} or
   *     {@code checkConstraints}), the constraint and its expression when delta4j cannot evaluate
   *     it: the table cannot be written without risking rows that break it
   */
  public static RowConstraints of(String table, StructType schema, Map<String, String> configuration) {
    List<RowCondition> conditions = new ArrayList<>();
    collectInvariants(table, schema, schema, conditions);
    // Sorted by name, so that a row breaking two constraints always reports the same one.
    for (Map.Entry<String, String> e : new TreeMap<>(configuration).entrySet()) {
      if (e.getKey().startsWith(CONSTRAINT_PREFIX)) {
        String name = e.getKey().substring(CONSTRAINT_PREFIX.length());
        conditions.add(RowCondition.compile(table, "checkConstraints", RowCondition.CHECK, name, e.getValue(), schema));
      }
    }
    return new RowConstraints(table, NotNullRule.compile(schema, ""), conditions);
  }

  /** Whether rows need no checking at all. */
  public boolean isEmpty() {
    return notNull == null && conditions.isEmpty();
  }

  /**
   * Throws {@link io.delta4j.ConstraintViolationException} naming the table, the constraint, its
   * expression and the row's values when the row breaks a constraint. The row has the table's
   * logical column names; a column it lacks counts as null.
   */
  public void check(Row row) {
    if (notNull != null) {
      notNull.check(table, row);
    }
    for (RowCondition condition : conditions) {
      condition.check(table, row);
    }
  }

  /**
   * Invariants sit on fields reachable through structs only: Delta Spark does not look into
   * arrays and maps for them ({@code SchemaUtils.filterRecursively(checkComplexTypes = false)}).
   */
  private static void collectInvariants(String table, StructType struct, StructType schema, List<RowCondition> out) {
    for (StructField field : struct.fields()) {
      Object invariant = field.metadata().get(INVARIANTS_KEY);
      if (invariant != null) {
        String name = "on " + field.name();
        String expression = invariantExpression(invariant);
        if (expression == null) {
          throw WriteErrors.unenforceable(table, "invariants", RowCondition.INVARIANT, name, String.valueOf(invariant),
              "it is not {\"expression\":{\"expression\":\"<SQL>\"}}");
        }
        out.add(RowCondition.compile(table, "invariants", RowCondition.INVARIANT, name, expression, schema));
      }
      if (field.type() instanceof StructType nested) {
        collectInvariants(table, nested, schema, out);
      }
    }
  }

  /** The SQL of {@code {"expression":{"expression":"<SQL>"}}}, stored as a JSON string; null if it is not that. */
  private static String invariantExpression(Object metadataValue) {
    if (!(metadataValue instanceof String json)) {
      return null;
    }
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      parser.nextToken();
      Object parsed = JsonValues.read(parser);
      if (parsed instanceof Map<?, ?> outer
          && outer.get("expression") instanceof Map<?, ?> inner
          && inner.get("expression") instanceof String sql) {
        return sql;
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
