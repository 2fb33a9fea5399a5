package io.delta4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

/**
 * The Parquet schema delta4j writes checkpoints and sidecars with (PROTOCOL.md, "Checkpoint
 * Schema"): one optional struct column per action type, each row holding one action. Every field
 * is optional, as Delta's own writer makes them; string maps and lists use the standard 3-level
 * layouts ({@code key_value}/{@code key}/{@code value}, {@code list}/{@code element}).
 *
 * <p>{@code remove} has no {@code stats} or {@code tags}: checkpointed removes are only tombstones
 * for VACUUM ("Checkpoints"). {@code add.stats} is left out when
 * {@code delta.checkpoint.writeStatsAsJson=false}, as the protocol asks. With
 * {@code delta.checkpoint.writeStatsAsStruct=true}, {@code add} ends with
 * {@code partitionValues_parsed} (partitioned tables) and {@code stats_parsed}, after
 * {@code clusteringProvider}, where Delta's writer puts them ({@link ParsedAddColumns}).
 */
final class CheckpointSchema {
  private static final String STRING_MAP =
      " (MAP) { repeated group key_value { required binary key (STRING); optional binary value (STRING); } }";
  private static final String STRING_LIST =
      " (LIST) { repeated group list { optional binary element (STRING); } }";
  private static final String DELETION_VECTOR =
      " optional group deletionVector { optional binary storageType (STRING);"
          + " optional binary pathOrInlineDv (STRING); optional int32 offset; optional int32 sizeInBytes;"
          + " optional int64 cardinality; }";

  private static final String TXN =
      "optional group txn { optional binary appId (STRING); optional int64 version; optional int64 lastUpdated; }";
  private static final String REMOVE =
      "optional group remove { optional binary path (STRING); optional int64 deletionTimestamp;"
          + " optional boolean dataChange; optional boolean extendedFileMetadata;"
          + " optional group partitionValues" + STRING_MAP + " optional int64 size;" + DELETION_VECTOR
          + " optional int64 baseRowId; optional int64 defaultRowCommitVersion; }";
  private static final String METADATA =
      "optional group metaData { optional binary id (STRING); optional binary name (STRING);"
          + " optional binary description (STRING);"
          + " optional group format { optional binary provider (STRING); optional group options" + STRING_MAP + " }"
          + " optional binary schemaString (STRING); optional group partitionColumns" + STRING_LIST
          + " optional group configuration" + STRING_MAP + " optional int64 createdTime; }";
  private static final String PROTOCOL =
      "optional group protocol { optional int32 minReaderVersion; optional int32 minWriterVersion;"
          + " optional group readerFeatures" + STRING_LIST + " optional group writerFeatures" + STRING_LIST + " }";
  private static final String DOMAIN_METADATA =
      "optional group domainMetadata { optional binary domain (STRING); optional binary configuration (STRING);"
          + " optional boolean removed; }";
  private static final String CHECKPOINT_METADATA =
      "optional group checkpointMetadata { optional int64 version; optional group tags" + STRING_MAP + " }";
  private static final String SIDECAR =
      "optional group sidecar { optional binary path (STRING); optional int64 sizeInBytes;"
          + " optional int64 modificationTime; optional group tags" + STRING_MAP + " }";

  private CheckpointSchema() {}

  /**
   * The schema of one kind of file, columns in the order Delta's writer uses.
   *
   * @param statsAsJson whether {@code add} has its {@code stats} column
   * @param parsed the typed columns {@code add} ends with, if any
   */
  static MessageType of(ParquetActionWriter.Layout layout, boolean statsAsJson, Optional<ParsedAddColumns> parsed) {
    List<String> columns = new ArrayList<>();
    switch (layout) {
      case V1_CHECKPOINT -> columns.addAll(List.of(TXN, add(statsAsJson), REMOVE, METADATA, PROTOCOL, DOMAIN_METADATA));
      // "V2 Spec": its file actions all live in sidecars, so the top-level file has no add or
      // remove column ("any missing column should be treated as null").
      case V2_CHECKPOINT -> columns.addAll(List.of(TXN, METADATA, PROTOCOL, DOMAIN_METADATA, CHECKPOINT_METADATA, SIDECAR));
      case SIDECAR -> columns.addAll(List.of(add(statsAsJson), REMOVE));
    }
    // Spark's name for the root; readers ignore it.
    MessageType schema = MessageTypeParser.parseMessageType("message spark_schema { " + String.join(" ", columns) + " }");
    if (parsed.isEmpty() || !schema.containsField("add")) {
      return schema;
    }
    List<Type> top = new ArrayList<>();
    for (Type t : schema.getFields()) {
      if (t.getName().equals("add")) {
        List<Type> add = new ArrayList<>(t.asGroupType().getFields());
        add.addAll(parsed.get().parquetFields());
        t = t.asGroupType().withNewFields(add);
      }
      top.add(t);
    }
    return new MessageType(schema.getName(), top);
  }

  private static String add(boolean statsAsJson) {
    return "optional group add { optional binary path (STRING); optional group partitionValues" + STRING_MAP
        + " optional int64 size; optional int64 modificationTime; optional boolean dataChange;"
        + (statsAsJson ? " optional binary stats (STRING);" : "")
        + " optional group tags" + STRING_MAP + DELETION_VECTOR
        + " optional int64 baseRowId; optional int64 defaultRowCommitVersion;"
        + " optional binary clusteringProvider (STRING); }";
  }
}
