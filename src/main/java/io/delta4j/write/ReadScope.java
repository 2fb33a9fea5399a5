package io.delta4j.write;

import io.delta4j.expr.FileFilter;
import java.util.Optional;
import java.util.Set;

/**
 * What a transaction's outcome depends on, for the conflict check (PROTOCOL.md leaves the rules to
 * writers; these follow Delta's {@code ConflictChecker} at the Serializable level).
 *
 * @param predicate the data the transaction read, as a filter: a concurrent add it might match
 *     would have changed the result; empty when the transaction read no data (a blind append) or
 *     read all of it ({@code wholeTable})
 * @param wholeTable whether it read the whole table (an overwrite without a condition)
 * @param readFiles keys ({@code log.FileKeys}) of the files it read: a concurrent remove of one of
 *     them means it worked on stale data
 */
record ReadScope(Optional<FileFilter> predicate, boolean wholeTable, Set<String> readFiles) {
  static final ReadScope NOTHING = new ReadScope(Optional.empty(), false, Set.of());

  ReadScope {
    readFiles = Set.copyOf(readFiles);
  }

  boolean readsData() {
    return wholeTable || predicate.isPresent();
  }
}
