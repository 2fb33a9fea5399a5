package io.delta4j.expr;

import java.util.List;

/**
 * The resolved form of a predicate that evaluation walks: columns are indexes into {@link
 * BoundPredicate#columns()}, and literal values are already coerced to the column's type (null for
 * NULL). {@code IN} stays one node, rather than a chain of ORs, so that long value lists neither
 * deepen the tree nor the stack.
 */
sealed interface BoundNode {
  record Const(boolean value) implements BoundNode {}

  record And(BoundNode left, BoundNode right) implements BoundNode {}

  record Or(BoundNode left, BoundNode right) implements BoundNode {}

  record Not(BoundNode child) implements BoundNode {}

  /** {@code IS NULL} when {@code wantNull}, else {@code IS NOT NULL}. */
  record NullTest(int column, boolean wantNull) implements BoundNode {}

  record Compare(int column, Operator operator, Object value) implements BoundNode {}

  /** The values may contain null. */
  record InList(int column, List<Object> values) implements BoundNode {}
}
