package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that says which protocol versions and table features delta4j can read, and under
 * which it writes checkpoints and data (PROTOCOL.md, "Table Features"). A table that needs anything
 * else is refused with the names of what is missing; nothing unknown is ever ignored.
 *
 * <p>Deletion vectors, column mapping, type widening, timestamp_ntz and variant change how data
 * files are read, not how the log is replayed; they are accepted here, and the scan applies them.
 */
public final class TableFeatures {
  /** The highest reader version understood; version 3 lists its features explicitly. */
  public static final int MAX_READER_VERSION = 3;

  /** Reader features understood (preview names are what older Delta releases wrote). */
  public static final Set<String> READER_FEATURES = Set.of(
      "columnMapping",
      "deletionVectors",
      "timestampNtz",
      "typeWidening",
      "typeWidening-preview",
      "v2Checkpoint",
      "vacuumProtocolCheck",
      "variantType",
      "variantType-preview",
      "variantShredding",
      "variantShredding-preview");

  /** The highest writer version understood; version 7 lists its features explicitly. */
  public static final int MAX_WRITER_VERSION = 7;

  /**
   * Writer features under which delta4j writes a correct checkpoint. A checkpoint copies the
   * reconciled state, so it is correct under every feature whose rules for checkpoints delta4j
   * follows: rows keep {@code baseRowId}/{@code defaultRowCommitVersion} (rowTracking), deletion
   * vectors, {@code clusteringProvider} and domains are copied, v2Checkpoint is written as its spec
   * says. {@code catalogManaged} is not here: such a table is checkpointed through its catalog.
   * Features outside PROTOCOL.md's list (checkpointProtection, collations, ...) are refused until
   * someone reads their rules.
   */
  public static final Set<String> CHECKPOINT_WRITER_FEATURES = withReaderFeatures(
      "appendOnly",
      "invariants",
      "checkConstraints",
      "generatedColumns",
      "allowColumnDefaults",
      "changeDataFeed",
      "identityColumns",
      "rowTracking",
      "domainMetadata",
      "clustering",
      "inCommitTimestamp",
      "icebergCompatV1",
      "icebergCompatV2");

  /** The names catalog-managed tables list (the second is the name previews wrote). */
  private static final Set<String> CATALOG_MANAGED = Set.of("catalogManaged", "catalogOwned-preview");

  private TableFeatures() {}

  /** The given writer-only features and every reader feature (each is also a writer feature). */
  private static Set<String> withReaderFeatures(String... writerOnly) {
    Set<String> all = new TreeSet<>(READER_FEATURES);
    all.addAll(List.of(writerOnly));
    return Set.copyOf(all);
  }

  /** The features of {@code listed} not in {@code known}, in their order. */
  private static List<String> unknown(Iterable<String> listed, Set<String> known) {
    List<String> missing = new ArrayList<>();
    for (String feature : listed) {
      if (!known.contains(feature)) {
        missing.add(feature);
      }
    }
    return missing;
  }

  /**
   * Throws {@code UnsupportedTableFeatureException} unless delta4j can write a checkpoint of a
   * table with this protocol: writer version at most 7, no writer (or reader) feature it does not
   * know, and not catalog-managed.
   */
  public static void checkCheckpointable(String table, Protocol protocol) {
    checkMaintainable(table, protocol, "checkpoint");
  }

  /**
   * {@link #checkCheckpointable}'s check for any operation that only manages files (checkpoint,
   * VACUUM, log cleanup), naming {@code operation} in the error. Those operations are safe under
   * the same features: every known feature's files (deletion vectors, change data, sidecars) are
   * known, while an unknown writer feature may keep files delta4j would take for garbage. This is
   * the writer protocol check that {@code vacuumProtocolCheck} asks of VACUUM.
   */
  public static void checkMaintainable(String table, Protocol protocol, String operation) {
    Set<String> listed = new TreeSet<>(protocol.writerFeatures());
    listed.addAll(protocol.readerFeatures());
    for (String feature : listed) {
      if (CATALOG_MANAGED.contains(feature)) {
        throw DeltaErrors.catalogManagedWrite(table, operation, feature);
      }
    }
    List<String> missing =
        protocol.hasWriterFeatures() ? unknown(listed, CHECKPOINT_WRITER_FEATURES) : new ArrayList<>();
    int writer = protocol.minWriterVersion();
    if (writer < 1 || writer > MAX_WRITER_VERSION) {
      throw DeltaErrors.unsupportedWriterVersion(table, operation, writer, MAX_WRITER_VERSION, missing);
    }
    if (!missing.isEmpty()) {
      throw DeltaErrors.unsupportedWriterFeatures(table, operation, missing, CHECKPOINT_WRITER_FEATURES);
    }
  }

  /**
   * Throws {@code UnsupportedTableFeatureException} unless delta4j can write data to a table with
   * this protocol and metadata, naming the features it cannot honour: unknown ones, catalog-managed
   * tables, and features the table actually uses that delta4j does not implement (generated,
   * identity and default columns, row tracking unless suspended, enabled Iceberg compatibility,
   * variant columns). Readability is checked when the snapshot is loaded; constraints are compiled
   * by the write path, which refuses those it cannot evaluate.
   */
  public static void checkWritable(String table, Protocol protocol, Metadata metadata) {
    WriteGate.check(table, protocol, metadata);
  }

  /** Throws {@code UnsupportedTableFeatureException} unless delta4j can read the table. */
  public static void checkReadable(String table, Protocol protocol) {
    int reader = protocol.minReaderVersion();
    List<String> missing =
        protocol.hasReaderFeatures() ? unknown(protocol.readerFeatures(), READER_FEATURES) : new ArrayList<>();
    if (reader < 1 || reader > MAX_READER_VERSION) {
      throw DeltaErrors.unsupportedVersion(table, "read", reader, MAX_READER_VERSION, missing);
    }
    // Reader 1 needs nothing; reader 2 means column mapping, which is supported.
    if (!missing.isEmpty()) {
      throw DeltaErrors.unsupportedFeatures(table, "read", missing, READER_FEATURES);
    }
  }
}
