package io.delta4j;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds every user-facing error, so that messages share one form: the table, then the
 * problem, its cause and, where there is one, the fix. Internal: call sites across packages use it,
 * users catch the exception types instead.
 */
public final class DeltaErrors {
  private DeltaErrors() {}

  public static CorruptLogException corruptLine(String table, String file, long line, String detail, Throwable cause) {
    return new CorruptLogException(
        table, file, line, "Cannot parse " + file + " line " + line + ": " + detail + ".", cause);
  }

  public static CorruptLogException corruptFile(String table, String file, String detail, Throwable cause) {
    return new CorruptLogException(table, file, -1, "Cannot read " + file + ": " + detail + ".", cause);
  }

  public static TableNotFoundException noDeltaLog(String table) {
    return new TableNotFoundException(
        table, "Not a Delta table: there is no _delta_log directory with commits or checkpoints.");
  }

  public static CorruptLogException versionGap(String table, long before, long after) {
    return new CorruptLogException(
        table,
        "Cannot load the table: the log versions are not contiguous (version " + before
            + " is followed by " + after + "); the commits in between are missing.");
  }

  public static VersionNotFoundException noReproducibleHistory(String table, long version, long firstCommit) {
    return new VersionNotFoundException(
        table,
        firstCommit,
        -1,
        "Cannot load version " + version + ": the log has no checkpoint at or before it and commit 0 is gone"
            + (firstCommit >= 0 ? " (the earliest commit is " + firstCommit + ")" : "")
            + "; the history was truncated.");
  }

  public static CorruptLogException missingAction(String table, String action, long version) {
    return new CorruptLogException(
        table,
        "Cannot load version " + version + ": no " + action + " action was found in the log"
            + " (the protocol requires one in every snapshot).");
  }

  public static CorruptLogException badSchema(String table, long version, String detail, Throwable cause) {
    return new CorruptLogException(
        table, null, -1, "Cannot read the schema of version " + version + ": " + detail + ".", cause);
  }

  public static CorruptLogException missingInCommitTimestamp(String table, long version) {
    return new CorruptLogException(
        table,
        "Cannot determine the timestamp of version " + version + ": in-commit timestamps are enabled but"
            + " its commitInfo has no inCommitTimestamp.");
  }

  public static UnsupportedTableFeatureException unsupportedFeatures(
      String table, String access, Collection<String> missing, Collection<String> supported) {
    return new UnsupportedTableFeatureException(
        table,
        Set.copyOf(missing),
        "Cannot " + access + " table: requires " + access + "er features " + new TreeSet<>(missing)
            + "; supported: " + new TreeSet<>(supported) + ".");
  }

  /** A protocol version above what delta4j supports, with any unknown features it lists. */
  public static UnsupportedTableFeatureException unsupportedVersion(
      String table, String access, int required, int supported, Collection<String> missingFeatures) {
    Set<String> missing = new TreeSet<>(missingFeatures);
    String features = missing.isEmpty() ? "" : " and " + access + "er features " + missing;
    missing.add(access + "Version=" + required);
    return new UnsupportedTableFeatureException(
        table,
        missing,
        "Cannot " + access + " table: requires Delta protocol " + access + "er version " + required + features
            + "; delta4j supports " + access + "er versions up to " + supported + ".");
  }

  /** A write ({@code operation}: "checkpoint", ...) refused for writer features delta4j lacks. */
  public static UnsupportedTableFeatureException unsupportedWriterFeatures(
      String table, String operation, Collection<String> missing, Collection<String> supported) {
    return new UnsupportedTableFeatureException(
        table,
        Set.copyOf(missing),
        "Cannot " + operation + " table: requires writer features " + new TreeSet<>(missing)
            + "; delta4j can " + operation + " tables with: " + new TreeSet<>(supported) + ".");
  }

  /** A write refused for a writer version above what delta4j supports. */
  public static UnsupportedTableFeatureException unsupportedWriterVersion(
      String table, String operation, int required, int supported, Collection<String> missingFeatures) {
    Set<String> missing = new TreeSet<>(missingFeatures);
    String features = missing.isEmpty() ? "" : " and writer features " + missing;
    missing.add("writerVersion=" + required);
    return new UnsupportedTableFeatureException(
        table,
        missing,
        "Cannot " + operation + " table: requires Delta protocol writer version " + required + features
            + "; delta4j supports writer versions up to " + supported + ".");
  }

  /** A write refused because the table is catalog-managed (PROTOCOL.md "Catalog-managed tables"). */
  public static UnsupportedTableFeatureException catalogManagedWrite(String table, String operation, String feature) {
    return new UnsupportedTableFeatureException(
        table,
        Set.of(feature),
        "Cannot " + operation + " table: it is catalog-managed (table feature " + feature + "), so its"
            + " commits and checkpoints go through its catalog, and delta4j has no catalog integration.");
  }

  /** A table property whose value delta4j does not implement for this operation. */
  public static UnsupportedTableFeatureException unsupportedProperty(
      String table, String operation, String key, String value, String detail) {
    return new UnsupportedTableFeatureException(
        table,
        Set.of(key),
        "Cannot " + operation + " table: its property " + key + "=" + value + " " + detail + ".");
  }

  /** A table property whose value cannot be parsed. */
  public static CorruptLogException badProperty(String table, long version, String key, String value, String detail) {
    return new CorruptLogException(
        table,
        "Cannot use the table property " + key + "=\"" + value + "\" of version " + version + ": " + detail + ".");
  }

  public static VersionNotFoundException versionNotFound(String table, long version, long earliest, long latest) {
    String reason;
    if (version < 0) {
      reason = "versions start at 0";
    } else if (version > latest) {
      reason = "the latest version is " + latest;
    } else {
      reason = "the log was truncated by retention; the earliest available version is " + earliest;
    }
    return new VersionNotFoundException(
        table, earliest, latest, "Cannot load version " + version + ": " + reason + ".");
  }

  public static VersionNotFoundException timestampOutOfRange(
      String table, Instant requested, Instant first, Instant last, long earliest, long latest) {
    String reason =
        requested.isBefore(first)
            ? "it is before the earliest available commit (version " + earliest + " at " + first + ")"
            : "it is after the latest commit (version " + latest + " at " + last + ")";
    return new VersionNotFoundException(
        table, earliest, latest, "Cannot load the table as of " + requested + ": " + reason + ".");
  }

  public static StorageException storage(String table, String what, URI location, Throwable cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new StorageException(table, "Cannot " + what + " " + location + ": " + detail + ".", cause);
  }

  /**
   * A log file that should exist does not: a checkpoint named by {@code _last_checkpoint} or a
   * listing, or a sidecar named by a V2 checkpoint. The cause is the storage's
   * {@link java.nio.file.NoSuchFileException}; callers that can fall back (to an older checkpoint)
   * test for it.
   */
  public static CorruptLogException missingLogFile(String table, String file, Throwable cause) {
    return new CorruptLogException(
        table,
        file,
        -1,
        "Cannot read " + file + ": the file does not exist; it may have been deleted (by metadata"
            + " cleanup) after the log was listed, or the log is incomplete.",
        cause);
  }

  /**
   * A deletion vector that cannot be read as PROTOCOL.md "Deletion Vector Format" defines it, or
   * whose bytes disagree with its descriptor in the log (size, checksum, cardinality), or whose file
   * is missing. Without it the table's rows cannot be known, so it is a corrupt table, not an I/O
   * failure.
   *
   * @param dvFile the vector's file as the log names it (relative to the table root for {@code u}
   *     vectors); null for an inline vector
   * @param offset where the vector starts in {@code dvFile}; ignored when inline
   * @param dataFile the data file the vector belongs to; null when not known
   * @param detail what is wrong, without a final period
   */
  public static CorruptLogException corruptDeletionVector(
      String table, String dvFile, int offset, String dataFile, String detail, Throwable cause) {
    String of = dataFile == null ? "" : " of " + dataFile;
    String what = dvFile == null
        ? "the inline deletion vector" + of
        : "the deletion vector" + of + " in " + dvFile + " at offset " + offset;
    return new CorruptLogException(table, dvFile, -1, "Cannot read " + what + ": " + detail + ".", cause);
  }

  /**
   * A data file named by the log is gone. The cause is the storage's
   * {@link java.nio.file.NoSuchFileException}.
   */
  public static StorageException missingDataFile(String table, String file, Throwable cause) {
    return new StorageException(
        table,
        "Cannot read data file " + file + ": the file does not exist; it may have been removed (by VACUUM)"
            + " after this snapshot was loaded, or the table is incomplete.",
        cause);
  }

  /** A data file that cannot be read: not valid Parquet, or not what the table schema says. */
  public static DeltaException unreadableDataFile(String table, String file, String detail, Throwable cause) {
    return new DeltaException(table, "Cannot read data file " + file + ": " + detail + ".", cause);
  }

  /** A data file that uses a table feature delta4j cannot read yet, such as shredded variants. */
  public static UnsupportedTableFeatureException unsupportedDataFile(
      String table, String file, String feature, String detail) {
    return new UnsupportedTableFeatureException(
        table, Set.of(feature), "Cannot read data file " + file + ": " + detail + " (table feature " + feature + ").");
  }

  /** An add action lacks the value of a partition column (PROTOCOL.md requires every one). */
  /** A partition value that does not parse as its column's type. */
  public static CorruptLogException badPartitionValue(
      String table, String file, String column, String detail, Throwable cause) {
    return new CorruptLogException(table, null, -1, "Cannot read data file " + file + ": partition column \""
        + column + "\": " + detail, cause);
  }

  /**
   * A file action ({@code add}, {@code remove}, {@code cdc}) lacks the value of a partition column.
   * Adds and cdc actions must record every one; removes record them only with
   * {@code extendedFileMetadata}, without which a change data feed cannot know the deleted rows'.
   */
  public static CorruptLogException missingPartitionValue(String table, String file, String column, String action) {
    String why = action.equals("remove")
        ? " (a remove records partition values only with extendedFileMetadata; without them the deleted"
            + " rows' partition values are unknown)"
        : " (the protocol requires one, null included)";
    return new CorruptLogException(table, "Cannot read data file " + file + ": its " + action + " action has no value for"
        + " partition column \"" + column + "\"" + why + ".");
  }

  /** A change data feed range that is not a range of versions the table has. */
  public static VersionNotFoundException invalidChangeRange(
      String table, long start, long end, long earliest, long latest, String reason) {
    return new VersionNotFoundException(
        table, earliest, latest, "Cannot read changes from version " + start + " to " + end + ": " + reason + ".");
  }

  /**
   * A version of a change data feed range whose row-level changes were not recorded: it rewrites
   * data (removes and adds files) without {@code cdc} files, because change data feed was off.
   */
  public static ChangeDataNotRecordedException changeDataNotRecorded(
      String table, long start, long end, long version, String operation) {
    String op = operation == null ? "" : " (" + operation + ")";
    return new ChangeDataNotRecordedException(
        table, start, end, version,
        "Cannot read changes from version " + start + " to " + end + ": version " + version + op
            + " both removes and adds data files without change data files, because change data feed was not"
            + " enabled at that version (delta.enableChangeDataFeed is not true), so its row-level changes were"
            + " not recorded. Read a range without version " + version + ", or set delta.enableChangeDataFeed=true"
            + " so that later commits record their changes.");
  }

  /** A table column whose name a change data feed reserves for its own columns. */
  public static DeltaException reservedChangeColumn(String table, long version, String column) {
    return new DeltaException(
        table,
        "Cannot read changes: the schema of version " + version + " has a column \"" + column + "\", a name the"
            + " change data feed reserves for its own columns (_change_type, _commit_version, _commit_timestamp).");
  }
}
