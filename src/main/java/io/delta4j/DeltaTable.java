package io.delta4j;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A Delta table: the entry point of delta4j. {@link #open(String)} loads the latest snapshot; the
 * table then answers from it until {@link #refresh()}.
 *
 * <pre>{@code
 * try (DeltaTable table = DeltaTable.open("tests-data/people")) {
 *   long version = table.version();
 *   List<String> files = table.getFiles();
 * }
 * }</pre>
 */
public final class DeltaTable implements AutoCloseable {
  private DeltaTable() {}

  /** Opens the table at a local path, a {@code file:} URI, or another supported URI. */
  public static DeltaTable open(String location) {
    throw new UnsupportedOperationException("in progress");
  }

  /** The table root, absolute, ending in {@code /}. */
  public URI root() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The version of the snapshot this table holds. */
  public long version() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The live files' paths, exactly as written in the log. */
  public List<String> getFiles() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The live files as absolute URIs. */
  public List<URI> getFileUris() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The snapshot this table holds (the latest at open or at the last refresh). */
  public Snapshot snapshot() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The snapshot at {@code version}. */
  public Snapshot snapshotAt(long version) {
    throw new UnsupportedOperationException("in progress");
  }

  /** The snapshot of the latest commit at or before {@code timestamp}. */
  public Snapshot snapshotAsOf(Instant timestamp) {
    throw new UnsupportedOperationException("in progress");
  }

  /** Brings the table to its latest version, reading only newer log files; returns the new snapshot. */
  public Snapshot refresh() {
    throw new UnsupportedOperationException("in progress");
  }

  /** Up to {@code limit} commits, newest first. */
  public List<HistoryEntry> history(int limit) {
    throw new UnsupportedOperationException("in progress");
  }

  @Override
  public void close() {}
}
