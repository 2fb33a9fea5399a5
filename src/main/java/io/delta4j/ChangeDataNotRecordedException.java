package io.delta4j;

/**
 * A change data feed read covers a version whose row-level changes were not recorded: the version
 * rewrites data (it removes and adds data files, as UPDATE, DELETE, MERGE and overwrites do) and
 * has no change data files, because {@code delta.enableChangeDataFeed} was not on when it was
 * written. Deriving its changes from whole files would report unchanged rows as deleted and
 * re-inserted, so it is refused; read a range that does not include {@link #version()}.
 */
public final class ChangeDataNotRecordedException extends DeltaException {
  private final long startVersion;
  private final long endVersion;
  private final long version;

  public ChangeDataNotRecordedException(String table, long startVersion, long endVersion, long version, String message) {
    super(table, message);
    this.startVersion = startVersion;
    this.endVersion = endVersion;
    this.version = version;
  }

  /** The first version of the range asked for. */
  public long startVersion() {
    return startVersion;
  }

  /** The last version of the range asked for. */
  public long endVersion() {
    return endVersion;
  }

  /** The version whose changes were not recorded. */
  public long version() {
    return version;
  }
}
