package io.delta4j.write;

import io.delta4j.CommitConflictException;
import io.delta4j.CommitStateUnknownException;
import io.delta4j.ConcurrentAppendException;
import io.delta4j.ConcurrentDeleteDeleteException;
import io.delta4j.ConcurrentDeleteReadException;
import io.delta4j.ConcurrentTransactionException;
import io.delta4j.InvalidRowException;
import io.delta4j.MetadataChangedException;
import io.delta4j.ProtocolChangedException;
import io.delta4j.TableAlreadyExistsException;

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
}
