package io.delta4j;

import java.time.Duration;
import java.util.Objects;

/**
 * {@link DeltaTable#vacuum} was asked for a retention shorter than the table's
 * {@code delta.deletedFileRetentionDuration}: it could delete files that readers of recent
 * versions, or writers still committing, need. Pass {@code force = true} to vacuum anyway.
 */
public final class RetentionTooShortException extends DeltaException {
  private final Duration requested;
  private final Duration tableRetention;

  public RetentionTooShortException(String table, Duration requested, Duration tableRetention, String message) {
    super(table, message);
    this.requested = Objects.requireNonNull(requested, "requested");
    this.tableRetention = Objects.requireNonNull(tableRetention, "tableRetention");
  }

  /** The retention asked for. */
  public Duration requested() {
    return requested;
  }

  /** The table's {@code delta.deletedFileRetentionDuration} (one week when unset). */
  public Duration tableRetention() {
    return tableRetention;
  }
}
