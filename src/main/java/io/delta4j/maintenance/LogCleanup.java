package io.delta4j.maintenance;

import io.delta4j.DeltaErrors;
import io.delta4j.LogCleanupResult;
import io.delta4j.Snapshot;
import io.delta4j.log.Checkpoint;
import io.delta4j.log.LogFile;
import io.delta4j.log.LogHistory;
import io.delta4j.log.LogSegmentBuilder;
import io.delta4j.log.TableFeatures;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metadata cleanup, step by step as PROTOCOL.md "Metadata Cleanup" gives it:
 * <ol>
 *   <li>the cutoff is midnight UTC of the day {@code delta.logRetentionDuration} (default 30 days)
 *       ago, as Delta truncates it, so that cleanup deletes whole days and a commit exactly at
 *       midnight still counts as expired; the cutoff commit is the newest commit at or before it,
 *       by commit timestamp (in-commit timestamps where enabled, else file modification times
 *       made increasing, as time travel reads them);</li>
 *   <li>the newest complete checkpoint at or before the cutoff commit is kept, with its commit and
 *       everything after, so every version from it on stays readable; without one, nothing is
 *       deleted;</li>
 *   <li>commits, checkpoints (every part) and version checksums older than that checkpoint are
 *       deleted, and log compactions starting at or before it;</li>
 *   <li>sidecars that no remaining checkpoint references and that are older than midnight UTC of
 *       yesterday are deleted (younger ones may belong to a checkpoint being written).</li>
 * </ol>
 * Everything is decided before the first deletion, and files go oldest version first: an
 * interrupted cleanup leaves a log whose oldest versions are simply unavailable. Staged commits
 * ({@code _delta_log/_staged_commits}) exist only in catalog-managed tables, which are refused.
 * {@code delta.enableExpiredLogCleanup} is not consulted: it governs the cleanup Delta runs after
 * checkpoints on its own, and this one runs only when called.
 */
public final class LogCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(LogCleanup.class);

  private final StorageBackend storage;
  private final LogSegmentBuilder segments;
  private final LogHistory history;
  private final Clock clock;

  public LogCleanup(StorageBackend storage, LogSegmentBuilder segments, LogHistory history, Clock clock) {
    this.storage = storage;
    this.segments = segments;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Cleans up the log of the table as of {@code latest}, which should be its latest version.
   *
   * @throws io.delta4j.UnsupportedTableFeatureException when the table has writer features delta4j
   *     does not know, or is catalog-managed
   */
  public LogCleanupResult run(Snapshot latest) {
    String table = latest.table();
    TableFeatures.checkMaintainable(table, latest.protocol(), "clean up the log of");
    Duration retention = Retention.of(latest, Retention.LOG, Retention.LOG_DEFAULT);
    Instant now = clock.instant();
    Instant cutoff = Retention.startOfDayUtc(now.minus(retention));
    List<LogFile> files = segments.allFiles(latest.version());
    OptionalLong cutoffCommit = history.latestCommitAtOrBefore(files, latest.metadata(), cutoff);
    Optional<Checkpoint> kept = cutoffCommit.isPresent()
        ? LogSegmentBuilder.newestCompleteCheckpoint(files, cutoffCommit.getAsLong())
        : Optional.empty();
    if (kept.isEmpty()) {
      LOG.debug("{}: no checkpoint at or before the newest commit older than {}; nothing to clean up", table, cutoff);
      return new LogCleanupResult(OptionalLong.empty(), 0, List.of());
    }
    long keptVersion = kept.get().version();
    List<URI> doomed = new ArrayList<>();
    long commits = 0;
    for (LogFile file : files) {
      if (file.kind() == LogFile.Kind.COMPACTION ? file.version() <= keptVersion : file.version() < keptVersion) {
        doomed.add(file.location());
        commits += file.kind() == LogFile.Kind.COMMIT ? 1 : 0;
      }
    }
    Instant sidecarCutoff = Retention.startOfDayUtc(now.minus(Duration.ofDays(1)));
    for (FileEntry sidecar : new Sidecars(table, storage, segments).unreferenced(keptVersion, sidecarCutoff)) {
      doomed.add(sidecar.location());
    }
    for (URI file : doomed) {
      try {
        storage.delete(file);
      } catch (IOException e) {
        throw DeltaErrors.storage(table, "delete", file, e);
      }
    }
    LOG.info("{}: log cleanup kept versions from {} on and deleted {} files ({} commits)", table, keptVersion,
        doomed.size(), commits);
    return new LogCleanupResult(OptionalLong.of(keptVersion), commits, doomed);
  }
}
