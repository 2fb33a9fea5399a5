package io.delta4j.expr;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructType;
import java.util.List;
import java.util.Objects;

/**
 * A boolean condition on a table's columns, unbound: columns are names, not yet resolved against a
 * schema. Build one with {@link Predicates}; {@link #toString()} renders it as the SQL-like text
 * that {@link Predicates#parse} reads.
 *
 * <p>Semantics are SQL's three-valued logic: a comparison with a null operand is <em>unknown</em>,
 * {@code NOT unknown} is unknown, {@code false AND unknown} is false, {@code true OR unknown} is
 * true; a row is kept only when the predicate is true. Values compare as Spark compares them:
 * numbers by mathematical value across types, strings by code point (UTF-8 byte order), binary as
 * unsigned bytes, and for float and double NaN equals NaN and is greater than every other value,
 * while -0.0 equals 0.0.
 */
public sealed interface Predicate
    permits Predicate.Comparison,
        Predicate.And,
        Predicate.Or,
        Predicate.Not,
        Predicate.IsNull,
        Predicate.IsNotNull,
        Predicate.In,
        Predicate.Constant {

  /**
   * Resolves the columns against {@code schema} (logical names; exact match first, then ignoring
   * case) and coerces each literal to its column's type. Physical names, for statistics and
   * partition values, come from the {@code delta.columnMapping.physicalName} metadata where a field
   * has it.
   *
   * <p>Coercions: any number to any numeric column, by value: an integral column compares exactly
   * ({@code id > 2.5} keeps 3 and drops 2), a float or double column with the float or double
   * nearest the number as written ({@code f = 1.1} matches the float 1.1), a decimal column with
   * the number as written (the double {@code 1.1} is 1.1); a string to a date ({@code
   * yyyy-MM-dd}), a timestamp ({@code yyyy-MM-dd[ HH:mm:ss[.ffffff]]} read as UTC, or ISO-8601
   * with an offset), a timestamp_ntz (the same without offset) or a binary column (its UTF-8
   * bytes); a date to a timestamp (midnight UTC) or a timestamp_ntz (midnight). NULL goes with
   * every column, and a void column takes any literal (it is null on every row). Nothing else: a
   * string is not a number, nor an Instant a timestamp_ntz. Struct, array, map and variant columns
   * can only be tested for null.
   *
   * @throws IllegalArgumentException naming the column when it does not exist, or naming the
   *     column, its type and the literal when the literal cannot be coerced
   */
  default BoundPredicate bind(StructType schema) {
    return Binder.bind(this, schema, ColumnMappingMode.NAME);
  }

  /**
   * As {@link #bind(StructType)}, for a table in column mapping mode {@code mode}: with {@link
   * ColumnMappingMode#NONE}, physical names are the logical names, whatever the field metadata says.
   */
  default BoundPredicate bind(StructType schema, ColumnMappingMode mode) {
    return Binder.bind(this, schema, mode);
  }

  /** {@code column op literal}, e.g. {@code id > 100}. */
  record Comparison(Column column, Operator operator, Literal literal) implements Predicate {
    public Comparison {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(literal, "literal");
    }

    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }

  record And(Predicate left, Predicate right) implements Predicate {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }

  record Or(Predicate left, Predicate right) implements Predicate {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }

  record Not(Predicate child) implements Predicate {
    public Not {
      Objects.requireNonNull(child, "child");
    }

    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }

  record IsNull(Column column) implements Predicate {
    public IsNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }

  record IsNotNull(Column column) implements Predicate {
    public IsNotNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }

  /**
   * {@code column IN (v1, v2, ...)}: true when the column equals a value, else unknown when the
   * column or a value is null, else false (the OR of the equalities).
   */
  record In(Column column, List<Literal> values) implements Predicate {
    public In {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN needs at least one value.");
      }
    }

    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }

  /** {@code TRUE} or {@code FALSE}: {@link Predicates#alwaysTrue()} keeps everything. */
  record Constant(boolean value) implements Predicate {
    @Override
    public String toString() {
      return PredicateText.render(this);
    }
  }
}
