package io.delta4j;

import io.delta4j.log.action.CommitInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One commit of a table's history.
 *
 * @param version the commit version
 * @param timestamp the commit timestamp: the in-commit timestamp when the table has them, else the
 *     commit file's modification time
 * @param commitInfo the commit's provenance, absent when the writer recorded none
 */
public record HistoryEntry(long version, Instant timestamp, Optional<CommitInfo> commitInfo) {
  public HistoryEntry {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(commitInfo, "commitInfo");
  }
}
