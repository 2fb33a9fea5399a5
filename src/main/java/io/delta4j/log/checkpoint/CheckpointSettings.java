package io.delta4j.log.checkpoint;

import io.delta4j.DeltaErrors;
import io.delta4j.log.TableProperties;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.util.Intervals;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the table's protocol and properties ask of a checkpoint (PROTOCOL.md "Checkpoints",
 * "V2 Checkpoint Table Feature", "Table Properties"). Values are parsed strictly: a property
 * delta4j cannot read makes the checkpoint fail, since guessing could drop tombstones VACUUM
 * still needs.
 *
 * @param v2 write a V2 checkpoint: the protocol has {@code v2Checkpoint} and
 *     {@code delta.checkpointPolicy=v2}
 * @param statsAsJson write {@code add.stats} ({@code delta.checkpoint.writeStatsAsJson}, default true)
 * @param statsAsStruct write {@code add.stats_parsed} and {@code add.partitionValues_parsed}
 *     ({@code delta.checkpoint.writeStatsAsStruct}, default false)
 * @param numIndexedCols which columns {@code stats_parsed} covers: the first N leaves
 *     ({@code delta.dataSkippingNumIndexedCols}, default 32, -1 for all)
 * @param statsColumns or, when not empty, these columns ({@code delta.dataSkippingStatsColumns},
 *     logical paths)
 * @param tombstoneRetentionMillis how long removes stay in checkpoints
 *     ({@code delta.deletedFileRetentionDuration}, default one week)
 * @param txnRetentionMillis how long {@code txn} actions stay, when
 *     {@code delta.setTransactionRetentionDuration} is set; otherwise they stay forever
 */
record CheckpointSettings(
    boolean v2,
    boolean statsAsJson,
    boolean statsAsStruct,
    int numIndexedCols,
    List<List<String>> statsColumns,
    long tombstoneRetentionMillis,
    OptionalLong txnRetentionMillis) {
  static final String CHECKPOINT_POLICY = "delta.checkpointPolicy";
  static final String STATS_AS_JSON = "delta.checkpoint.writeStatsAsJson";
  static final String STATS_AS_STRUCT = "delta.checkpoint.writeStatsAsStruct";
  static final String NUM_INDEXED_COLS = "delta.dataSkippingNumIndexedCols";
  static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";
  static final int DEFAULT_NUM_INDEXED_COLS = 32;
  static final String TOMBSTONE_RETENTION = "delta.deletedFileRetentionDuration";
  static final String TXN_RETENTION = "delta.setTransactionRetentionDuration";
  static final String DEFAULT_TOMBSTONE_RETENTION = "interval 1 week";

  static CheckpointSettings of(String table, long version, Protocol protocol, Metadata metadata) {
    Map<String, String> config = metadata.configuration();
    TableProperties p = new TableProperties(table, version, config);
    String policy = config.getOrDefault(CHECKPOINT_POLICY, "classic").trim().toLowerCase(Locale.ROOT);
    if (!policy.equals("classic") && !policy.equals("v2")) {
      throw DeltaErrors.badProperty(table, version, CHECKPOINT_POLICY, config.get(CHECKPOINT_POLICY),
          "it must be classic or v2");
    }
    boolean v2 = policy.equals("v2") && protocol.writerFeatures().contains("v2Checkpoint");
    long tombstones = p.interval(TOMBSTONE_RETENTION).orElse(Intervals.toMillis(DEFAULT_TOMBSTONE_RETENTION));
    boolean statsAsStruct = p.bool(STATS_AS_STRUCT, false);
    // The statistics columns matter only to stats_parsed; a bad value there fails only such a checkpoint.
    int numIndexedCols = statsAsStruct ? p.integer(NUM_INDEXED_COLS, DEFAULT_NUM_INDEXED_COLS, -1) : DEFAULT_NUM_INDEXED_COLS;
    List<List<String>> statsColumns = statsAsStruct ? p.columns(STATS_COLUMNS) : List.of();
    return new CheckpointSettings(v2, p.bool(STATS_AS_JSON, true), statsAsStruct, numIndexedCols, statsColumns,
        tombstones, p.interval(TXN_RETENTION));
  }
}
