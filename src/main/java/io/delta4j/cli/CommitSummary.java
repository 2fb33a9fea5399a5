package io.delta4j.cli;

import io.delta4j.CommitResult;

/**
 * The one line a write command prints on success. The forms are a contract (scripts parse them):
 * <pre>
 * append: committed version 5 (2 files, 1000 rows, 1 attempt)
 * append: skipped, app ingest-7 already at version 42 (table version 5)
 * overwrite: committed version 6 (2 files, 1000 rows, 3 files removed, 1 attempt)
 * delete: committed version 7 (1000 rows deleted, 3 files removed, 0 files added, 1 attempt)
 * </pre>
 * Counts come from the commit's {@code operationMetrics}.
 */
final class CommitSummary {
  private CommitSummary() {}

  static String append(CommitResult r) {
    return committed("append", r, count(r, "numFiles", "file"), count(r, "numOutputRows", "row"));
  }

  static String skipped(String task, String appId, long recorded, CommitResult r) {
    return task + ": skipped, app " + appId + " already at version " + recorded + " (table version " + r.version() + ")";
  }

  static String overwrite(CommitResult r) {
    return committed("overwrite", r, count(r, "numFiles", "file"), count(r, "numOutputRows", "row"),
        count(r, "numRemovedFiles", "file") + " removed");
  }

  static String delete(CommitResult r) {
    return committed("delete", r, count(r, "numDeletedRows", "row") + " deleted",
        count(r, "numRemovedFiles", "file") + " removed", count(r, "numAddedFiles", "file") + " added");
  }

  private static String committed(String task, CommitResult r, String... counts) {
    return task + ": committed version " + r.version() + " (" + String.join(", ", counts) + ", "
        + plural(r.attempts(), "attempt") + ")";
  }

  private static String count(CommitResult r, String metric, String noun) {
    return plural(Long.parseLong(r.operationMetrics().getOrDefault(metric, "0")), noun);
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
