package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.HistoryEntry;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.Metadata;
import io.delta4j.storage.StorageBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Commit history and commit timestamps: {@code history(n)} and time travel by timestamp
 * (PROTOCOL.md, "In-Commit Timestamps"; without them, a commit's timestamp is its file's
 * modification time).
 */
public final class LogHistory {
  private static final Set<ActionType> COMMIT_INFO = EnumSet.of(ActionType.COMMIT_INFO);

  private final String table;
  private final LogSegmentBuilder segments;
  private final CommitReader commits;

  public LogHistory(String table, StorageBackend storage, LogSegmentBuilder segments) {
    this.table = table;
    this.segments = segments;
    this.commits = new CommitReader(table, storage);
  }

  /** Up to {@code limit} commits at or before {@code state}'s version, newest first. */
  public List<HistoryEntry> history(SnapshotState state, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    long from = Math.max(0, state.version() - limit + 1);
    List<LogFile> files = segments.commits(from, state.version());
    List<ParsedCommit> parsed = commits.readAll(files, COMMIT_INFO);
    List<HistoryEntry> out = new ArrayList<>(parsed.size());
    for (int i = parsed.size() - 1; i >= 0; i--) {
      ParsedCommit c = parsed.get(i);
      Optional<CommitInfo> info = c.commitInfo();
      long ts = info.flatMap(ci -> ci.inCommitTimestamp().isPresent() ? Optional.of(ci.inCommitTimestamp().getAsLong()) : Optional.empty())
          .orElse(c.file().modificationTime());
      out.add(new HistoryEntry(c.version(), Instant.ofEpochMilli(ts), info));
    }
    return out;
  }

  /**
   * The latest version whose commit timestamp is at or before {@code timestamp}. Fails when the
   * timestamp is before the earliest reconstructable commit or after the latest one.
   */
  public long versionAsOf(SnapshotState latest, Instant timestamp) {
    List<LogFile> all = segments.allFiles(latest.version());
    List<LogFile> commitFiles = reconstructableCommits(all);
    if (commitFiles.isEmpty()) {
      long earliest = Math.max(0, LogSegmentBuilder.earliestReconstructable(all));
      throw DeltaErrors.versionNotFound(table, latest.version(), earliest, latest.version());
    }
    CommitTimestamps ts = new CommitTimestamps(commitFiles, latest.metadata());
    long target = timestamp.toEpochMilli();
    int n = commitFiles.size();
    long first = ts.at(0);
    long last = ts.at(n - 1);
    if (target < first || target > last) {
      throw DeltaErrors.timestampOutOfRange(
          table, timestamp, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last),
          commitFiles.get(0).version(), commitFiles.get(n - 1).version());
    }
    return commitFiles.get(lastAtOrBefore(ts, n, target)).version();
  }

  /**
   * The latest commit of {@code files} (a listing from version 0) whose timestamp, read as
   * {@link #versionAsOf} reads it, is at or before {@code timestamp}; empty when every commit is
   * newer. Log cleanup finds its cutoff commit this way.
   *
   * @param latest the metadata of the latest version, which says whether in-commit timestamps apply
   */
  public OptionalLong latestCommitAtOrBefore(List<LogFile> files, Metadata latest, Instant timestamp) {
    List<LogFile> commitFiles = reconstructableCommits(files);
    if (commitFiles.isEmpty()) {
      return OptionalLong.empty();
    }
    CommitTimestamps ts = new CommitTimestamps(commitFiles, latest);
    long target = timestamp.toEpochMilli();
    if (ts.at(0) > target) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(commitFiles.get(lastAtOrBefore(ts, commitFiles.size(), target)).version());
  }

  /** The commits from the earliest reconstructable version on: older ones cannot be loaded. */
  private static List<LogFile> reconstructableCommits(List<LogFile> all) {
    long earliest = Math.max(0, LogSegmentBuilder.earliestReconstructable(all));
    List<LogFile> commitFiles = new ArrayList<>();
    for (LogFile f : all) {
      if (f.kind() == LogFile.Kind.COMMIT && f.version() >= earliest) {
        commitFiles.add(f);
      }
    }
    return commitFiles;
  }

  /** Binary search: the last of {@code n} positions whose timestamp is at or before {@code target}, given the first is. */
  private static int lastAtOrBefore(CommitTimestamps ts, int n, long target) {
    int lo = 0;
    int hi = n - 1; // invariant: ts(lo) <= target
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (ts.at(mid) <= target) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Commit timestamps by position in a contiguous list of commits. Modification times are made
   * strictly increasing, as Delta does, because clocks and copies can reorder them; in-commit
   * timestamps are read from commit files only when asked for (binary search reads a few).
   */
  private final class CommitTimestamps {
    private final List<LogFile> files;
    private final long[] adjustedMtimes;
    private final long ictSince;
    private final boolean ict;

    CommitTimestamps(List<LogFile> files, Metadata latest) {
      this.files = files;
      this.ict = InCommitTimestamps.appliesTo(latest, files.get(files.size() - 1).version());
      this.ictSince = ict ? InCommitTimestamps.enablementVersion(latest) : Long.MAX_VALUE;
      this.adjustedMtimes = new long[files.size()];
      long previous = Long.MIN_VALUE;
      for (int i = 0; i < files.size(); i++) {
        long mtime = files.get(i).modificationTime();
        adjustedMtimes[i] = previous == Long.MIN_VALUE ? mtime : Math.max(mtime, previous + 1);
        previous = adjustedMtimes[i];
      }
    }

    long at(int index) {
      LogFile file = files.get(index);
      if (file.version() < ictSince) {
        return adjustedMtimes[index];
      }
      Optional<CommitInfo> info = commits.read(file, COMMIT_INFO).commitInfo();
      if (info.isEmpty() || info.get().inCommitTimestamp().isEmpty()) {
        throw DeltaErrors.missingInCommitTimestamp(table, file.version());
      }
      return info.get().inCommitTimestamp().getAsLong();
    }
  }
}
