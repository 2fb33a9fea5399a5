package io.delta4j.log;

import io.delta4j.log.action.Metadata;

/**
 * In-commit timestamps (PROTOCOL.md, "In-Commit Timestamps"): when enabled, a commit's timestamp
 * is {@code commitInfo.inCommitTimestamp}, not the file's modification time, from the enablement
 * version on.
 */
public final class InCommitTimestamps {
  static final String ENABLED = "delta.enableInCommitTimestamps";
  static final String ENABLEMENT_VERSION = "delta.inCommitTimestampEnablementVersion";
  static final String ENABLEMENT_TIMESTAMP = "delta.inCommitTimestampEnablementTimestamp";

  private InCommitTimestamps() {}

  /** Whether commits at {@code version} carry the timestamp, under {@code metadata}. */
  public static boolean appliesTo(Metadata metadata, long version) {
    if (!"true".equalsIgnoreCase(metadata.configuration().get(ENABLED))) {
      return false;
    }
    String since = metadata.configuration().get(ENABLEMENT_VERSION);
    return since == null || version >= Long.parseLong(since.trim());
  }

  /** The first version with in-commit timestamps, or 0 when enabled from the start. */
  static long enablementVersion(Metadata metadata) {
    String since = metadata.configuration().get(ENABLEMENT_VERSION);
    return since == null ? 0 : Long.parseLong(since.trim());
  }
}
