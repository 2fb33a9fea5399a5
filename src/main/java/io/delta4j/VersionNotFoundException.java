package io.delta4j;

/**
 * A requested version (or timestamp) cannot be loaded: it is newer than the latest commit, older
 * than the earliest reconstructable version, or the timestamp lies outside the table's history.
 */
public final class VersionNotFoundException extends DeltaException {
  private final long earliest;
  private final long latest;

  public VersionNotFoundException(String table, long earliest, long latest, String message) {
    super(table, message);
    this.earliest = earliest;
    this.latest = latest;
  }

  /** The earliest version that can be reconstructed, or -1 when unknown. */
  public long earliestVersion() {
    return earliest;
  }

  /** The latest version of the table. */
  public long latestVersion() {
    return latest;
  }
}
