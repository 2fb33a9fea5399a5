package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.log.checkpoint.LastCheckpoint;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the log segment of a version: starts from {@code _last_checkpoint} when it is valid and
 * not newer than the target, and falls back to listing the whole log when the hint is missing,
 * empty, corrupt or stale (PROTOCOL.md, "Last Checkpoint File": it is only a hint).
 */
public final class LogSegmentBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(LogSegmentBuilder.class);

  private final String table;
  private final StorageBackend storage;
  private final URI logDir;

  public LogSegmentBuilder(String table, StorageBackend storage, URI root) {
    this.table = table;
    this.storage = storage;
    this.logDir = root.resolve(LogFileNames.LOG_DIR + "/");
  }

  /** The directory of the log, ending in {@code /}. */
  public URI logDir() {
    return logDir;
  }

  /**
   * The segment of {@code target}, or of the latest version when {@code target} is empty. The
   * listing always runs to the end of the log, so that errors can name the latest version.
   */
  public LogSegment build(OptionalLong target) {
    Optional<LastCheckpoint> hint = readLastCheckpoint();
    if (hint.isPresent() && (target.isEmpty() || hint.get().version() <= target.getAsLong())) {
      long from = hint.get().version();
      List<LogFile> files = LogListing.list(table, storage, logDir, from, OptionalLong.empty());
      Optional<Checkpoint> atHint = newestCompleteCheckpoint(files, from);
      if (atHint.isPresent() && atHint.get().version() == from) {
        return fromFiles(files, target, false);
      }
      LOG.debug("{}: _last_checkpoint names version {} but no complete checkpoint exists there; listing the log", table, from);
    }
    return fromFiles(LogListing.list(table, storage, logDir, 0, OptionalLong.empty()), target, true);
  }

  /**
   * The segment of the latest version, given the segment of an older one: lists only the files
   * after {@code previous} and reuses what it already knows. Returns {@code previous} itself when
   * nothing newer exists.
   */
  public LogSegment extend(LogSegment previous) {
    List<LogFile> newer = LogListing.list(table, storage, logDir, previous.version() + 1, OptionalLong.empty());
    if (newer.stream().noneMatch(f -> f.kind() == LogFile.Kind.COMMIT || f.isCheckpoint())) {
      return previous;
    }
    if (newestCompleteCheckpoint(newer, Long.MAX_VALUE).isPresent()) {
      return fromFiles(newer, OptionalLong.empty(), false);
    }
    List<LogFile> commits = new ArrayList<>(previous.commits());
    long expected = previous.version() + 1;
    LogFile last = null;
    for (LogFile f : newer) {
      if (f.kind() != LogFile.Kind.COMMIT) {
        continue;
      }
      if (f.version() != expected) {
        throw DeltaErrors.versionGap(table, expected - 1, f.version());
      }
      commits.add(f);
      last = f;
      expected++;
    }
    return new LogSegment(expected - 1, previous.checkpoint(), commits, Optional.ofNullable(last));
  }

  /** The commit files from {@code from} to {@code to}, as listed (missing versions are absent). */
  public List<LogFile> commits(long from, long to) {
    List<LogFile> out = new ArrayList<>();
    for (LogFile f : LogListing.list(table, storage, logDir, from, OptionalLong.of(to))) {
      if (f.kind() == LogFile.Kind.COMMIT) {
        out.add(f);
      }
    }
    return out;
  }

  /** Every log file up to {@code to}, from version 0 on. */
  public List<LogFile> allFiles(long to) {
    return LogListing.list(table, storage, logDir, 0, OptionalLong.of(to));
  }

  Optional<LastCheckpoint> readLastCheckpoint() {
    URI location = logDir.resolve(LogFileNames.LAST_CHECKPOINT);
    try {
      return LastCheckpoint.parse(storage.readAllBytes(location));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "read", location, e);
    }
  }

  /**
   * Builds the segment from listed files.
   *
   * @param listedFromZero whether {@code files} start at version 0, so that the earliest
   *     available version is known
   */
  LogSegment fromFiles(List<LogFile> files, OptionalLong target, boolean listedFromZero) {
    TreeMap<Long, LogFile> commits = new TreeMap<>();
    for (LogFile f : files) {
      if (f.kind() == LogFile.Kind.COMMIT) {
        commits.put(f.version(), f);
      }
    }
    long latest = Math.max(
        commits.isEmpty() ? -1 : commits.lastKey(),
        newestCompleteCheckpoint(files, Long.MAX_VALUE).map(Checkpoint::version).orElse(-1L));
    if (latest < 0) {
      throw DeltaErrors.noDeltaLog(table);
    }
    long version = target.orElse(latest);
    long earliest = listedFromZero ? earliestReconstructable(files) : -1;
    if (version > latest || (earliest >= 0 && version < earliest) || version < 0) {
      throw DeltaErrors.versionNotFound(table, version, earliest, latest);
    }
    Optional<Checkpoint> checkpoint = newestCompleteCheckpoint(files, version);
    long first = checkpoint.map(c -> c.version() + 1).orElse(0L);
    List<LogFile> segmentCommits = new ArrayList<>();
    long previous = first - 1;
    for (long v = first; v <= version; v++) {
      LogFile commit = commits.get(v);
      if (commit == null) {
        Long next = commits.ceilingKey(v);
        if (checkpoint.isEmpty() && v == 0) {
          // No checkpoint and no first commit: the history before the earliest commit is gone.
          throw DeltaErrors.noReproducibleHistory(table, version, next == null ? -1 : next);
        }
        throw DeltaErrors.versionGap(table, previous, next == null ? version : next);
      }
      segmentCommits.add(commit);
      previous = v;
    }
    return new LogSegment(version, checkpoint, segmentCommits, Optional.ofNullable(commits.get(version)));
  }

  /**
   * The earliest version replay can start at: 0 when commit 0 exists, else the oldest complete
   * checkpoint; -1 when neither exists.
   */
  static long earliestReconstructable(List<LogFile> files) {
    long earliest = -1;
    for (LogFile f : files) {
      if (f.kind() == LogFile.Kind.COMMIT && f.version() == 0) {
        return 0;
      }
    }
    for (Checkpoint c : completeCheckpoints(files)) {
      if (earliest < 0 || c.version() < earliest) {
        earliest = c.version();
      }
    }
    return earliest;
  }

  /** The newest complete checkpoint with version {@code <= maxVersion}. */
  public static Optional<Checkpoint> newestCompleteCheckpoint(List<LogFile> files, long maxVersion) {
    Checkpoint best = null;
    for (Checkpoint c : completeCheckpoints(files)) {
      if (c.version() <= maxVersion && (best == null || c.version() > best.version()
          || (c.version() == best.version() && preference(c) < preference(best)))) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Among complete checkpoints of one version, prefer one file over many parts. */
  private static int preference(Checkpoint c) {
    switch (c.kind()) {
      case V2_CHECKPOINT:
        return 0;
      case CLASSIC_CHECKPOINT:
        return 1;
      default:
        return 2;
    }
  }

  /**
   * Every complete checkpoint. A multi-part checkpoint counts only when all its parts are listed:
   * a writer may have died midway, and the protocol tells readers to ignore such a checkpoint.
   */
  private static List<Checkpoint> completeCheckpoints(List<LogFile> files) {
    List<Checkpoint> out = new ArrayList<>();
    Map<String, LogFile[]> multipart = new HashMap<>();
    for (LogFile f : files) {
      switch (f.kind()) {
        case CLASSIC_CHECKPOINT, V2_CHECKPOINT -> out.add(new Checkpoint(f.version(), List.of(f)));
        case MULTIPART_CHECKPOINT -> multipart.computeIfAbsent(f.version() + "/" + f.parts(), k -> new LogFile[f.parts()])[f.part() - 1] = f;
        default -> {}
      }
    }
    for (LogFile[] parts : multipart.values()) {
      boolean complete = true;
      for (LogFile p : parts) {
        complete &= p != null;
      }
      if (complete) {
        out.add(new Checkpoint(parts[0].version(), List.of(parts)));
      }
    }
    return out;
  }
}
