package io.delta4j.write;

import io.delta4j.util.Intervals;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the values of the table properties a new table is given, so that a typo fails the create
 * rather than being ignored by every later writer (PROTOCOL.md, "Table Properties" and each
 * feature's section). Properties delta4j does not know pass unchecked; Delta Spark refuses
 * unknown {@code delta.} keys, but its list changes with every release.
 */
final class PropertyChecks {
  private static final Set<String> BOOLEANS = Set.of(
      "delta.appendOnly",
      "delta.enableChangeDataFeed",
      "delta.enableDeletionVectors",
      "delta.enableInCommitTimestamps",
      "delta.enableTypeWidening",
      "delta.enableRowTracking",
      "delta.rowTrackingSuspended",
      "delta.enableIcebergCompatV1",
      "delta.enableIcebergCompatV2",
      "delta.enableVariantShredding",
      "delta.enableExpiredLogCleanup",
      "delta.checkpoint.writeStatsAsJson",
      "delta.checkpoint.writeStatsAsStruct");

  private static final Set<String> INTERVALS = Set.of(
      "delta.logRetentionDuration",
      "delta.deletedFileRetentionDuration",
      "delta.setTransactionRetentionDuration",
      "delta.checkpointRetentionDuration");

  /** Properties the protocol or Delta reserves for writers to maintain. */
  private static final Set<String> INTERNAL = Set.of(
      "delta.columnMapping.maxColumnId",
      "delta.rowTracking.materializedRowIdColumnName",
      "delta.rowTracking.materializedRowCommitVersionColumnName",
      "delta.inCommitTimestampEnablementVersion",
      "delta.inCommitTimestampEnablementTimestamp");

  /** Spark asks for protocol versions with these; delta4j derives them from the features instead. */
  private static final Set<String> VERSIONS = Set.of("delta.minReaderVersion", "delta.minWriterVersion");

  /** The keys checked by name in {@link #problem}. */
  private static final Set<String> SINGLES = Set.of(
      "delta.checkpointInterval",
      "delta.dataSkippingNumIndexedCols",
      "delta.columnMapping.mode",
      "delta.checkpointPolicy",
      "delta.parquet.compression.codec",
      "delta.parquet.format.version");

  /** Every key checked, by its lower-case spelling. */
  private static final Map<String, String> KNOWN = Stream.of(BOOLEANS, INTERVALS, INTERNAL, VERSIONS, SINGLES)
      .flatMap(Set::stream)
      .collect(Collectors.toMap(k -> k.toLowerCase(Locale.ROOT), k -> k));

  private static final Set<String> CODECS = Set.of("uncompressed", "none", "snappy", "gzip", "lz4", "lz4_raw", "zstd");
  private static final Pattern PARQUET_FORMAT = Pattern.compile("1\\.0\\.0|2\\.\\d+\\.\\d+");

  private PropertyChecks() {}

  /** Throws {@code InvalidTableDefinitionException} for the first property whose value is invalid. */
  static void check(String table, Map<String, String> properties) {
    for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
      String detail = problem(e.getKey(), e.getValue());
      if (detail != null) {
        throw WriteErrors.invalidProperty(table, e.getKey(), e.getValue(), detail);
      }
    }
  }

  /** Whether the property is {@code true} (case-insensitive); call after {@link #check}. */
  static boolean isTrue(Map<String, String> properties, String key) {
    return "true".equalsIgnoreCase(properties.getOrDefault(key, "").trim());
  }

  /** What is wrong with {@code key=value}, or null when nothing is. */
  private static String problem(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (BOOLEANS.contains(key)) {
      return v.equals("true") || v.equals("false") ? null : "it must be true or false";
    }
    if (INTERVALS.contains(key)) {
      return intervalProblem(value);
    }
    if (INTERNAL.contains(key)) {
      return "delta4j sets it itself; remove it";
    }
    if (VERSIONS.contains(key)) {
      return "delta4j chooses the smallest protocol the table's features need; ask for a feature with"
          + " delta.feature.<name>=supported instead";
    }
    return switch (key) {
      case "delta.checkpointInterval" -> integerProblem(value, 1);
      case "delta.dataSkippingNumIndexedCols" -> integerProblem(value, -1);
      case "delta.columnMapping.mode" -> oneOf(v, List.of("none", "name", "id"));
      case "delta.checkpointPolicy" -> oneOf(v, List.of("classic", "v2"));
      case "delta.parquet.compression.codec" -> oneOf(v, List.copyOf(new TreeSet<>(CODECS)));
      case "delta.parquet.format.version" ->
          PARQUET_FORMAT.matcher(v).matches() ? null : "it must be 1.0.0 or 2.<minor>.<patch>";
      default -> caseProblem(key);
    };
  }

  /** A known key spelled in another case is a typo that readers, which match keys exactly, would miss. */
  private static String caseProblem(String key) {
    String known = KNOWN.get(key.toLowerCase(Locale.ROOT));
    return known == null ? null : "property names are case-sensitive; did you mean " + known + "?";
  }

  private static String oneOf(String value, List<String> allowed) {
    return allowed.contains(value) ? null : "it must be one of " + allowed;
  }

  private static String integerProblem(String value, int min) {
    try {
      return Integer.parseInt(value.trim()) >= min ? null : "it must be a whole number of at least " + min;
    } catch (NumberFormatException e) {
      return "it must be a whole number of at least " + min;
    }
  }

  private static String intervalProblem(String value) {
    try {
      Intervals.toMillis(value);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
