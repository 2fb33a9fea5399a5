/**
 * Public: predicates over table columns, and the three ways a scan uses one. Build a {@link
 * io.delta4j.expr.Predicate} with {@link io.delta4j.expr.Predicates} (or parse SQL-like text with
 * {@link io.delta4j.expr.Predicates#parse}); {@link io.delta4j.expr.Predicate#bind} resolves it
 * against a schema; the {@link io.delta4j.expr.BoundPredicate} filters rows, and a {@link
 * io.delta4j.expr.FileFilter} prunes files by partition values and statistics. All three follow SQL
 * three-valued logic: a comparison with null is unknown, and only a true result keeps a row, so that
 * pruning a file never changes the rows a scan returns.
 */
package io.delta4j.expr;
