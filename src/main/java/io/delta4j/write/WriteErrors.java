package io.delta4j.write;

import io.delta4j.AppendOnlyTableException;
import io.delta4j.CommitConflictException;
import io.delta4j.CommitStateUnknownException;
import io.delta4j.ConcurrentAppendException;
import io.delta4j.ConcurrentDeleteDeleteException;
import io.delta4j.ConcurrentDeleteReadException;
import io.delta4j.ConcurrentTransactionException;
import io.delta4j.ConstraintViolationException;
import io.delta4j.DeltaErrors;
import io.delta4j.InvalidRowException;
import io.delta4j.InvalidTableDefinitionException;
import io.delta4j.MetadataChangedException;
import io.delta4j.ProtocolChangedException;
import io.delta4j.TableAlreadyExistsException;
import io.delta4j.UnsupportedTableFeatureException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The messages of the write path: the table, then what happened, why, and what to do. */
final class WriteErrors {
  private static final String RETRY = " Refresh the table and run the operation again.";

  private WriteErrors() {}

  static ProtocolChangedException protocolChanged(String table, String operation, long version) {
    return new ProtocolChangedException(table, "Cannot commit " + operation + ": version " + version
        + ", committed concurrently, changed the table's protocol." + RETRY);
  }

  static MetadataChangedException metadataChanged(String table, String operation, long version) {
    return new MetadataChangedException(table, "Cannot commit " + operation + ": version " + version
        + ", committed concurrently, changed the table's metadata (schema, partitioning or properties)." + RETRY);
  }

  static ConcurrentTransactionException concurrentTransaction(String table, String appId, long appVersion, long version) {
    return new ConcurrentTransactionException(table, "Cannot commit: version " + version
        + ", committed concurrently, recorded application \"" + appId + "\" at version " + appVersion
        + ". Refresh the table and check Snapshot.appTransactionVersion(\"" + appId + "\") before writing again.");
  }

  static ConcurrentAppendException concurrentAppend(String table, String operation, long version, String path, ReadScope scope) {
    String read = scope.wholeTable() ? "the whole table" : "rows matching " + scope.predicate().get().predicate().predicate();
    return new ConcurrentAppendException(table, "Cannot commit " + operation + ": version " + version
        + ", committed concurrently, added " + path + ", which may hold " + read
        + " that this operation did not see." + RETRY);
  }

  static ConcurrentDeleteReadException concurrentDeleteRead(String table, String operation, long version, String path) {
    return new ConcurrentDeleteReadException(table, "Cannot commit " + operation + ": version " + version
        + ", committed concurrently, removed " + path + ", which this operation read." + RETRY);
  }

  static ConcurrentDeleteDeleteException concurrentDeleteDelete(String table, String operation, long version, String path) {
    return new ConcurrentDeleteDeleteException(table, "Cannot commit " + operation + ": version " + version
        + ", committed concurrently, removed " + path + ", which this operation removes too." + RETRY);
  }

  static CommitConflictException tooManyAttempts(String table, String operation, int attempts, long lastVersion) {
    return new CommitConflictException(table, "Cannot commit " + operation + ": gave up after " + attempts
        + " attempts; concurrent writers took every version up to " + lastVersion
        + ". Retry later, or raise WriteOptions.maxCommitAttempts.");
  }

  static CommitStateUnknownException stateUnknown(String table, long version, String txnId, Throwable cause) {
    return new CommitStateUnknownException(table, "Cannot tell whether the commit of version " + version
        + " (txnId " + txnId + ") landed: writing _delta_log/" + io.delta4j.log.LogFileNames.commit(version)
        + " failed (" + cause + ") and the file could not be read back. Check the table's history for txnId "
        + txnId + " before writing the same data again.", cause);
  }

  static TableAlreadyExistsException tableExists(String table) {
    return new TableAlreadyExistsException(table,
        "Cannot create the table: a Delta table already exists there. Open it with DeltaTable.open, or use DeltaTable.createIfNotExists.");
  }

  static InvalidRowException invalidRow(String table, long row, String detail) {
    return new InvalidRowException(table, "Cannot write row " + row + ": " + detail + ".");
  }


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
