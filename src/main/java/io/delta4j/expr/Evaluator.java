package io.delta4j.expr;

/**
 * Evaluates a bound predicate to a set of truth values ({@link Outcomes}), given how to evaluate
 * its leaves. Rows, partition values and statistics differ only in their leaves: on a row each
 * leaf has one value, on a file a set of possible ones.
 */
final class Evaluator {
  /** What is known of the leaves; each result must be a non-empty {@link Outcomes} mask. */
  interface Leaves {
    int compare(BoundNode.Compare leaf);

    int in(BoundNode.InList leaf);

    int nullTest(BoundNode.NullTest leaf);
  }

  private Evaluator() {}

  static int eval(BoundNode node, Leaves leaves) {
    if (node instanceof BoundNode.And and) {
      int left = eval(and.left(), leaves);
      // {FALSE} AND anything non-empty is {FALSE}: skip the right side, as SQL engines do.
      return left == Outcomes.FALSE ? left : Outcomes.and(left, eval(and.right(), leaves));
    }
    if (node instanceof BoundNode.Or or) {
      int left = eval(or.left(), leaves);
      return left == Outcomes.TRUE ? left : Outcomes.or(left, eval(or.right(), leaves));
    }
    if (node instanceof BoundNode.Not not) {
      return Outcomes.not(eval(not.child(), leaves));
    }
    if (node instanceof BoundNode.Compare compare) {
      return nonEmpty(leaves.compare(compare));
    }
    if (node instanceof BoundNode.InList in) {
      return nonEmpty(leaves.in(in));
    }
    if (node instanceof BoundNode.NullTest test) {
      return nonEmpty(leaves.nullTest(test));
    }
    return Outcomes.of(((BoundNode.Const) node).value());
  }

  /**
   * An empty set would claim that no row exists; only contradictory statistics (a minimum above
   * the maximum) can produce one, and they prove nothing, so it is read as "anything".
   */
  private static int nonEmpty(int outcomes) {
    return outcomes == 0 ? Outcomes.ANY : outcomes;
  }
}
