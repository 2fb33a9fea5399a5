package io.delta4j.maintenance;

import io.delta4j.CorruptLogException;
import io.delta4j.RetentionTooShortException;
import io.delta4j.StorageException;
import java.net.URI;
import java.time.Duration;

/** The errors of VACUUM and log cleanup: problem, cause, fix. */
final class MaintenanceErrors {
  private MaintenanceErrors() {}

  static RetentionTooShortException retentionTooShort(String table, Duration requested, Duration tableRetention) {
    String kept = Retention.describe(tableRetention);
    return new RetentionTooShortException(table, requested, tableRetention,
        "Cannot vacuum with a retention of " + Retention.describe(requested) + ": it is shorter than the table's "
            + Retention.DELETED_FILES + " of " + kept + ", so it could delete files that readers of recent"
            + " versions or writers still committing need. Use a retention of at least " + kept
            + ", or, if nothing reads or writes the table meanwhile, pass force = true: vacuum(retention, dryRun, true), or --force on the command line.");
  }

  static StorageException cannotListRecursively(String table, URI root, UnsupportedOperationException cause) {
    return new StorageException(table,
        "Cannot vacuum: the storage backend cannot list " + root + " recursively (" + cause.getMessage()
            + "). Use a backend that implements StorageBackend.listRecursively.", cause);
  }

  static CorruptLogException unlocatableDeletionVector(String table, String dataFile, IllegalArgumentException cause) {
    return new CorruptLogException(table, null, -1,
        "Cannot vacuum: the deletion vector of " + dataFile + " names no file delta4j can locate: " + cause.getMessage()
            + ". Vacuum cannot tell whether that file is still needed; repair the log entry first.", cause);
  }
}
