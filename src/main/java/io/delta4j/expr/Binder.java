package io.delta4j.expr;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves a predicate's columns against a schema and coerces its literals; see {@link Predicate#bind}. */
final class Binder {
  private final StructType schema;
  private final ColumnMappingMode mode;
  /** Each distinct column once, in order of first use; keyed by logical path as resolved. */
  private final Map<List<String>, Integer> indexes = new LinkedHashMap<>();
  private final List<BoundColumn> columns = new ArrayList<>();

  private Binder(StructType schema, ColumnMappingMode mode) {
    this.schema = schema;
    this.mode = mode;
  }

  static BoundPredicate bind(Predicate predicate, StructType schema, ColumnMappingMode mode) {
    Binder binder = new Binder(schema, mode);
    BoundNode root = binder.node(predicate);
    return new BoundPredicate(predicate, schema, binder.columns, root);
  }

  private BoundNode node(Predicate predicate) {
    if (predicate instanceof Predicate.And and) {
      return new BoundNode.And(node(and.left()), node(and.right()));
    }
    if (predicate instanceof Predicate.Or or) {
      return new BoundNode.Or(node(or.left()), node(or.right()));
    }
    if (predicate instanceof Predicate.Not not) {
      return new BoundNode.Not(node(not.child()));
    }
    if (predicate instanceof Predicate.IsNull isNull) {
      return new BoundNode.NullTest(column(isNull.column()), true);
    }
    if (predicate instanceof Predicate.IsNotNull isNotNull) {
      return new BoundNode.NullTest(column(isNotNull.column()), false);
    }
    if (predicate instanceof Predicate.Comparison c) {
      int column = column(c.column());
      return new BoundNode.Compare(column, c.operator(), LiteralCoercion.coerce(columns.get(column), c.literal()));
    }
    if (predicate instanceof Predicate.In in) {
      int column = column(in.column());
      List<Object> values = new ArrayList<>(in.values().size());
      for (Literal literal : in.values()) {
        values.add(LiteralCoercion.coerce(columns.get(column), literal));
      }
      return new BoundNode.InList(column, values);
    }
    return new BoundNode.Const(((Predicate.Constant) predicate).value());
  }

  /** The index of the column in {@link #columns}, resolving it on first use. */
  private int column(Column column) {
    BoundColumn bound = resolve(column);
    Integer index = indexes.get(bound.logicalPath());
    if (index == null) {
      index = columns.size();
      indexes.put(bound.logicalPath(), index);
      columns.add(bound);
    }
    return index;
  }

  /** Walks the path through structs: exact name first, then ignoring case, as Spark resolves names. */
  private BoundColumn resolve(Column column) {
    List<String> logical = new ArrayList<>();
    List<String> physical = new ArrayList<>();
    StructType struct = schema;
    StructField field = null;
    for (String name : column.path()) {
      if (field != null) {
        if (!(field.type() instanceof StructType nested)) {
          throw ExprErrors.notAStruct(column, String.join(".", logical), field.type());
        }
        struct = nested;
      }
      Optional<StructField> found = struct.field(name);
      if (found.isEmpty()) {
        found = struct.fieldIgnoreCase(name);
      }
      if (found.isEmpty()) {
        throw logical.isEmpty()
            ? ExprErrors.unknownColumn(column, struct.fieldNames())
            : ExprErrors.unknownNestedField(column, String.join(".", logical), struct.fieldNames());
      }
      field = found.get();
      logical.add(field.name());
      physical.add(mode == ColumnMappingMode.NONE ? field.name() : field.physicalName());
    }
    return new BoundColumn(logical, physical, field);
  }
}
