package io.delta4j.expr;

import io.delta4j.Row;
import io.delta4j.types.StructType;
import java.util.List;
import java.util.Objects;

/**
 * A predicate resolved against a schema ({@link Predicate#bind}): its columns are fields, with
 * logical and physical names, and its literals have the columns' types. Immutable and safe to
 * share between threads.
 */
public final class BoundPredicate {
  private final Predicate predicate;
  private final StructType schema;
  private final List<BoundColumn> columns;
  private final BoundNode root;
  private volatile RowAccess rowAccess; // for the last row schema seen; a race only rebuilds it

  BoundPredicate(Predicate predicate, StructType schema, List<BoundColumn> columns, BoundNode root) {
    this.predicate = Objects.requireNonNull(predicate, "predicate");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.columns = List.copyOf(columns);
    this.root = Objects.requireNonNull(root, "root");
  }

  /** The predicate as written. */
  public Predicate predicate() {
    return predicate;
  }

  /** The schema it was bound against. */
  public StructType schema() {
    return schema;
  }

  /** Every column it reads, each once, in order of first use: what a scan must read to filter rows. */
  public List<BoundColumn> columns() {
    return columns;
  }

  /**
   * Whether the row satisfies the predicate: true only when it evaluates to true, so a comparison
   * with null drops the row, as SQL's WHERE does. The row has logical names, and must hold every
   * column of {@link #columns()} (other columns are ignored).
   *
   * @throws IllegalArgumentException when the row lacks one of the columns
   */
  public boolean test(Row row) {
    RowAccess access = rowAccess;
    if (access == null || !access.isFor(row.schema())) {
      access = new RowAccess(row.schema(), columns);
      rowAccess = access;
    }
    RowAccess values = access;
    return Evaluator.eval(root, new Evaluator.Leaves() {
      @Override
      public int compare(BoundNode.Compare leaf) {
        return ExactLeaves.compare(values.value(row, leaf.column()), leaf.operator(), leaf.value());
      }

      @Override
      public int in(BoundNode.InList leaf) {
        return ExactLeaves.in(values.value(row, leaf.column()), leaf.values());
      }

      @Override
      public int nullTest(BoundNode.NullTest leaf) {
        return ExactLeaves.nullTest(values.value(row, leaf.column()), leaf.wantNull());
      }
    }) == Outcomes.TRUE;
  }

  BoundNode root() {
    return root;
  }

  @Override
  public String toString() {
    return predicate.toString();
  }
}
