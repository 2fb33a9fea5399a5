package io.delta4j;

import java.util.Map;

/**
 * What {@link Transaction#commit()} did.
 *
 * @param version the version committed; when nothing was committed, the version the transaction
 *     read (see {@code committed})
 * @param attempts how many times the commit file was written: 1 unless concurrent writers took the
 *     version first; 0 when nothing was committed
 * @param committed false when the transaction was skipped because its application version was
 *     already recorded ({@link Transaction#withAppVersion}): a replay commits nothing
 * @param operationMetrics the metrics written to {@code commitInfo} (numFiles, numOutputRows,
 *     numDeletedRows, ...), as strings, as Delta writes them
 */
public record CommitResult(long version, int attempts, boolean committed, Map<String, String> operationMetrics) {
  public CommitResult {
    operationMetrics = Map.copyOf(operationMetrics);
  }
}
