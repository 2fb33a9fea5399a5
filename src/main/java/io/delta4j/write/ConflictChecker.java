package io.delta4j.write;

import io.delta4j.CommitConflictException;
import io.delta4j.log.FileKeys;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a transaction that lost the race for a version may simply be retried at the next
 * one, by reading what the winning commit did, as Delta's {@code ConflictChecker} does at the
 * Serializable isolation level:
 * <ul>
 *   <li>a protocol or metadata change by the winner: conflict (the transaction was planned for the
 *       old schema, properties or features);</li>
 *   <li>a {@code txn} of the same application id: conflict (the idempotency check must be redone);</li>
 *   <li>files the winner added that the transaction's read predicate may match (by partition values
 *       and statistics): conflict for a delete or overwrite, since it would have read them;</li>
 *   <li>files the winner removed that the transaction read or removes: conflict;</li>
 *   <li>anything else (in particular concurrent blind appends): no conflict, retry.</li>
 * </ul>
 */
final class ConflictChecker {
  private final String table;
  private final FileKeys keys;

  ConflictChecker(String table, URI root) {
    this.table = table;
    this.keys = new FileKeys(root);
  }

  /** Throws the {@link CommitConflictException} subclass that names the collision, if any. */
  void check(PendingCommit ours, long winningVersion, List<Action> winner) {
    Set<String> ourAppIds = new HashSet<>();
    Set<String> ourRemoves = new HashSet<>();
    for (Action a : ours.actions()) {
      if (a instanceof SetTransaction txn) {
        ourAppIds.add(txn.appId());
      } else if (a instanceof RemoveFile remove) {
        ourRemoves.add(keys.of(remove));
      }
    }
    ReadScope scope = ours.scope();
    for (Action a : winner) {
      if (a instanceof Protocol) {
        throw WriteErrors.protocolChanged(table, ours.operation(), winningVersion);
      } else if (a instanceof Metadata) {
        throw WriteErrors.metadataChanged(table, ours.operation(), winningVersion);
      } else if (a instanceof SetTransaction txn && ourAppIds.contains(txn.appId())) {
        throw WriteErrors.concurrentTransaction(table, txn.appId(), txn.version(), winningVersion);
      } else if (a instanceof AddFile add && add.dataChange() && scope.readsData()
          && (scope.wholeTable() || scope.predicate().get().mightMatch(add))) {
        throw WriteErrors.concurrentAppend(table, ours.operation(), winningVersion, add.path(), scope);
      } else if (a instanceof RemoveFile remove) {
        String key = keys.of(remove);
        if (scope.readFiles().contains(key)) {
          throw WriteErrors.concurrentDeleteRead(table, ours.operation(), winningVersion, remove.path());
        }
        if (ourRemoves.contains(key)) {
          throw WriteErrors.concurrentDeleteDelete(table, ours.operation(), winningVersion, remove.path());
        }
      }
    }
  }
}
