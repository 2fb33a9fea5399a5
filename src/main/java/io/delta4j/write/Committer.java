package io.delta4j.write;

import io.delta4j.CommitConflictException;
import io.delta4j.DeltaErrors;
import io.delta4j.log.ActionParser;
import io.delta4j.log.ActionWriter;
import io.delta4j.log.LogFile;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a {@link PendingCommit} (PROTOCOL.md, "Creation of New Log Entries"): writes the next
 * version's file with one atomic {@code putIfAbsent} of the complete content, so a reader sees the
 * commit whole or not at all. When another writer took the version, reads the winning commits,
 * asks the {@link ConflictChecker} whether they collide, and otherwise retries at the next free
 * version after a short jittered backoff.
 *
 * <p>A write that fails without saying whether the file landed (a timeout, a dropped connection)
 * is never followed by a write of other content at that version: the same bytes are put again,
 * which is harmless, since either they land or the version turns out taken, and the file is then
 * read back to see whose it is (by {@code txnId}). Only when that cannot be settled does the commit
 * end in {@code CommitStateUnknownException}.
 */
final class Committer {
  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
  private static final int AMBIGUOUS_RETRIES = 3;
  private static final long MAX_BACKOFF_MILLIS = 1000;

  private final String table;
  private final StorageBackend storage;
  private final URI logDir;
  private final ConflictChecker conflicts;
  private final Clock clock;

  Committer(String table, StorageBackend storage, URI root, URI logDir, Clock clock) {
    this.table = table;
    this.storage = storage;
    this.logDir = logDir;
    this.conflicts = new ConflictChecker(table, root);
    this.clock = clock;
  }

  /**
   * Commits {@code pending}, read at {@code readVersion} (-1 for a new table).
   *
   * @param previousTimestamp the timestamp of the read version, in milliseconds: an in-commit
   *     timestamp must be later than its predecessor's
   * @param inCommitTimestamps whether commits carry in-commit timestamps
   * @throws CommitConflictException when a concurrent commit collides, or after {@code maxAttempts}
   */
  CommitOutcome commit(PendingCommit pending, long readVersion, long previousTimestamp, boolean inCommitTimestamps,
      Optional<String> userMetadata, int maxAttempts) {
    String txnId = UUID.randomUUID().toString();
    long version = readVersion + 1;
    long previous = previousTimestamp;
    for (int attempt = 1; ; attempt++) {
      long now = clock.millis();
      OptionalLong ict = inCommitTimestamps ? OptionalLong.of(Math.max(now, previous + 1)) : OptionalLong.empty();
      CommitInfo info = CommitInfos.build(now, ict, pending.operation(), pending.operationParameters(), readVersion,
          pending.blindAppend(), pending.operationMetrics(), userMetadata, txnId);
      List<Action> actions = new ArrayList<>(pending.actions().size() + 1);
      actions.add(info);
      actions.addAll(pending.actions());
      byte[] bytes = ActionWriter.toCommitBytes(actions);
      if (put(version, bytes, txnId)) {
        LOG.debug("{}: committed version {} ({}) after {} attempt(s)", table, version, pending.operation(), attempt);
        return new CommitOutcome(version, attempt, ict, actions);
      }
      if (version == 0 || pending.changesTable() && readVersion < 0) {
        throw WriteErrors.tableExists(table);
      }
      // Lost the race: every commit from here on must be checked before retrying after it.
      long next = version;
      for (Winner winner : winnersFrom(version)) {
        if (winner.txnId().equals(Optional.of(txnId))) {
          return new CommitOutcome(winner.version(), attempt, ict, winner.actions()); // ours, after an ambiguous failure
        }
        conflicts.check(pending, winner.version(), winner.actions());
        previous = winner.timestamp().orElse(previous);
        next = winner.version() + 1;
      }
      if (attempt >= maxAttempts) {
        throw WriteErrors.tooManyAttempts(table, pending.operation(), attempt, next - 1);
      }
      version = next;
      backoff(attempt);
    }
  }

  /**
   * Puts the commit file; true when it landed, false when the version is someone else's.
   * Ambiguous failures are settled as the class comment says.
   */
  private boolean put(long version, byte[] bytes, String txnId) {
    URI location = logDir.resolve(LogFileNames.commit(version));
    IOException ambiguous = null;
    for (int i = 0; i <= AMBIGUOUS_RETRIES; i++) {
      try {
        storage.putIfAbsent(location, bytes);
        return true;
      } catch (FileAlreadyExistsException taken) {
        if (ambiguous == null) {
          return false;
        }
        // An earlier try may have landed after all: is the file ours?
        return readCommit(version).txnId().equals(Optional.of(txnId));
      } catch (IOException e) {
        LOG.warn("{}: writing commit {} failed, trying the same content again: {}", table, version, e.toString());
        ambiguous = e;
        backoff(i + 1);
      }
    }
    throw WriteErrors.stateUnknown(table, version, txnId, ambiguous);
  }

  /** The commits at and after {@code version}, in order, as far as the log goes on without a gap. */
  private List<Winner> winnersFrom(long version) {
    List<Winner> winners = new ArrayList<>();
    long expected = version;
    try {
      Iterator<FileEntry> entries = storage.listFrom(logDir.resolve(LogFileNames.commit(version)));
      while (entries.hasNext()) {
        Optional<LogFile> file = LogFileNames.parse(logDir, entries.next());
        if (file.isEmpty() || file.get().kind() != LogFile.Kind.COMMIT) {
          continue;
        }
        if (file.get().version() != expected) {
          break;
        }
        winners.add(readCommit(expected));
        expected++;
      }
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "list", logDir, e);
    }
    if (winners.isEmpty()) {
      // putIfAbsent said the file exists, so the listing must show it.
      winners.add(readCommit(version));
    }
    return winners;
  }

  private Winner readCommit(long version) {
    String name = LogFileNames.commit(version);
    List<Action> actions = ActionParser.readFile(
        storage, logDir.resolve(name), table, LogFileNames.LOG_DIR + "/" + name, EnumSet.allOf(ActionType.class));
    Optional<String> txnId = Optional.empty();
    OptionalLong timestamp = OptionalLong.empty();
    for (Action a : actions) {
      if (a instanceof CommitInfo info) {
        txnId = info.txnId();
        timestamp = info.inCommitTimestamp().isPresent() ? info.inCommitTimestamp() : info.timestamp();
      }
    }
    return new Winner(version, actions, txnId, timestamp);
  }

  private record Winner(long version, List<Action> actions, Optional<String> txnId, OptionalLong timestamp) {}

  private void backoff(int attempt) {
    long cap = Math.min(MAX_BACKOFF_MILLIS, 1L << Math.min(attempt + 1, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(table + ": interrupted while waiting to retry a commit", e);
    }
  }
}
