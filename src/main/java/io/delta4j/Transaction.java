package io.delta4j;

import io.delta4j.expr.Predicate;
import io.delta4j.write.TableWrite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One atomic change to a table: an append (possibly in several calls), an overwrite, or a delete,
 * then {@link #commit()}. Data files are written as rows are given; nothing is visible to readers
 * until the commit, which publishes the whole change at once or not at all.
 *
 * <pre>{@code
 * table.newTransaction().append(rows).commit();
 * table.newTransaction().withAppVersion("ingest-7", 42).append(batch).commit(); // a replay commits nothing
 * table.newTransaction().overwrite(rows, Predicates.equal("date", day)).commit();
 * table.newTransaction().delete(Predicates.lessThan("ts", cutoff)).commit();
 * }</pre>
 *
 * <p>Rows are {@link Row}s or {@code Map}s from column name to value (nested structs likewise),
 * with values of the Java types {@link Row} lists; lossless conversions (an {@code Integer} into a
 * long column) are made, anything else raises {@link InvalidRowException}. Not thread-safe: use one
 * transaction per thread; any number of transactions, in any number of processes, may commit to
 * one table concurrently (see {@link #commit()}).
 */
public final class Transaction {
  private final DeltaTable table;
  private final TableWrite write;
  private boolean committed;

  Transaction(DeltaTable table, TableWrite write) {
    this.table = table;
    this.write = write;
  }

  /** The snapshot this transaction reads: the table's latest version when it began. */
  public Snapshot readSnapshot() {
    return write.readSnapshot();
  }

  /**
   * Makes the transaction idempotent for an application that numbers its writes: the commit
   * records {@code (appId, version)} in a {@code txn} action, and if the table already records this
   * version or a later one for {@code appId}, the transaction writes and commits nothing
   * ({@link CommitResult#committed()} is false). Call it before giving rows.
   */
  public Transaction withAppVersion(String appId, long version) {
    Objects.requireNonNull(appId, "appId");
    write.appVersion(appId, version);
    return this;
  }

  /** Free text stored as {@code commitInfo.userMetadata}. */
  public Transaction withUserMetadata(String text) {
    write.userMetadata(Objects.requireNonNull(text, "text"));
    return this;
  }

  /** File size, compression and commit attempts; call it before giving rows. */
  public Transaction withOptions(WriteOptions options) {
    write.options(Objects.requireNonNull(options, "options"));
    return this;
  }

  /**
   * Adds rows (each a {@link Row} or a {@code Map<String, ?>}). May be called several times; a
   * transaction of appends only is a blind append, which never conflicts with concurrent data
   * changes.
   *
   * @throws InvalidRowException when a row does not fit the schema
   * @throws ConstraintViolationException when a row breaks a NOT NULL column, an invariant or a CHECK constraint
   */
  public Transaction append(Iterable<?> rows) {
    Objects.requireNonNull(rows, "rows");
    write.append(rows);
    return this;
  }

  /** Replaces all the table's rows with {@code rows}. */
  public Transaction overwrite(Iterable<?> rows) {
    Objects.requireNonNull(rows, "rows");
    write.overwrite(rows, Optional.empty());
    return this;
  }

  /**
   * Replaces the rows matching {@code where} with {@code rows} (Delta's {@code replaceWhere}); every
   * new row must match {@code where}, else {@link InvalidRowException}.
   */
  public Transaction overwrite(Iterable<?> rows, Predicate where) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(where, "where");
    write.overwrite(rows, Optional.of(where));
    return this;
  }

  /**
   * Deletes the rows matching {@code where}. Files whose rows all match (by partition values or
   * statistics) are removed whole; in the others, the matching rows are marked in deletion vectors
   * when the table has {@code delta.enableDeletionVectors=true}, else the files are rewritten
   * without them.
   */
  public Transaction delete(Predicate where) {
    Objects.requireNonNull(where, "where");
    write.delete(where);
    return this;
  }

  /**
   * Commits the transaction as the table's next version. When another writer took that version,
   * the winning commits are checked for conflicts (see {@link CommitConflictException}); if there is
   * none, the commit is retried at the next version, up to {@link WriteOptions#maxCommitAttempts()}
   * times. The table then holds (at least) the committed version, and writes a checkpoint when the
   * version is a multiple of {@code delta.checkpointInterval} (default 10).
   *
   * @throws CommitConflictException when a concurrent commit collides with this one
   * @throws CommitStateUnknownException when the commit's outcome cannot be known
   */
  public CommitResult commit() {
    if (committed) {
      throw new IllegalStateException(table.name() + ": this transaction was already committed");
    }
    committed = true;
    Map<String, String> metrics = new LinkedHashMap<>();
    return write.commit(metrics)
        .map(outcome -> {
          table.afterCommit(outcome, write.readSnapshot());
          return new CommitResult(outcome.version(), outcome.attempts(), true, metrics);
        })
        .orElseGet(() -> new CommitResult(write.readSnapshot().version(), 0, false, Map.of()));
  }
}
