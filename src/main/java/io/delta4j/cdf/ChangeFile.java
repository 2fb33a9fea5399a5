package io.delta4j.cdf;

import io.delta4j.log.action.DeletionVectorDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One data file's part in a change data feed: which of its rows to read, and as which change.
 * The rows read are those of {@code include} (every row when absent) that {@code exclude} does not
 * hold:
 *
 * <ul>
 *   <li>a {@code cdc} file: every row, its change type read from its {@code _change_type} column;
 *   <li>an {@code add}: inserts, every row its deletion vector does not delete;
 *   <li>a {@code remove}: deletes, every row the file had when it was removed (its deletion vector);
 *   <li>a deletion vector update (remove of {@code (path, A)} and add of {@code (path, B)} in one
 *       commit): deletes for the rows of B not in A, and inserts for the rows of A not in B (rows a
 *       restore brought back).
 * </ul>
 *
 * @param version the commit version
 * @param timestamp the commit timestamp (in-commit timestamp or file modification time)
 * @param action the action that names the file ({@code add}, {@code remove}, {@code cdc}), for errors
 * @param changeType the change type of every row, or null to read it from the file ({@code cdc})
 * @param path the file's path as the action writes it
 * @param partitionValues the action's partition values (physical names under column mapping)
 * @param size the file's size, when the action records it
 * @param include a deletion vector whose rows are the only candidates; absent: every row
 * @param exclude a deletion vector whose rows are never read
 * @param partitionColumns the table's partition columns at this version
 */
public record ChangeFile(
    long version,
    Instant timestamp,
    String action,
    String changeType,
    String path,
    Map<String, String> partitionValues,
    OptionalLong size,
    Optional<DeletionVectorDescriptor> include,
    Optional<DeletionVectorDescriptor> exclude,
    List<String> partitionColumns) {

  public ChangeFile {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(partitionValues, "partitionValues");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(include, "include");
    Objects.requireNonNull(exclude, "exclude");
    partitionColumns = List.copyOf(partitionColumns);
  }
}
