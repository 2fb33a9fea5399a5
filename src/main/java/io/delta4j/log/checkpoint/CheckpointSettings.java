package io.delta4j.log.checkpoint;

import io.delta4j.DeltaErrors;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.util.Intervals;
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
 * @param tombstoneRetentionMillis how long removes stay in checkpoints
 *     ({@code delta.deletedFileRetentionDuration}, default one week)
 * @param txnRetentionMillis how long {@code txn} actions stay, when
 *     {@code delta.setTransactionRetentionDuration} is set; otherwise they stay forever
 */
record CheckpointSettings(boolean v2, boolean statsAsJson, long tombstoneRetentionMillis, OptionalLong txnRetentionMillis) {
  static final String CHECKPOINT_POLICY = "delta.checkpointPolicy";
  static final String STATS_AS_JSON = "delta.checkpoint.writeStatsAsJson";
  static final String STATS_AS_STRUCT = "delta.checkpoint.writeStatsAsStruct";
  static final String TOMBSTONE_RETENTION = "delta.deletedFileRetentionDuration";
  static final String TXN_RETENTION = "delta.setTransactionRetentionDuration";
  static final String DEFAULT_TOMBSTONE_RETENTION = "interval 1 week";

  static CheckpointSettings of(String table, long version, Protocol protocol, Metadata metadata) {
    Map<String, String> config = metadata.configuration();
    Properties p = new Properties(table, version, config);
    if (p.bool(STATS_AS_STRUCT, false)) {
      throw DeltaErrors.unsupportedProperty(table, "checkpoint", STATS_AS_STRUCT, config.get(STATS_AS_STRUCT),
          "asks for the stats_parsed and partitionValues_parsed columns, which delta4j does not write yet;"
              + " set it to false to checkpoint with JSON stats");
    }
    String policy = config.getOrDefault(CHECKPOINT_POLICY, "classic").trim().toLowerCase(Locale.ROOT);
    if (!policy.equals("classic") && !policy.equals("v2")) {
      throw DeltaErrors.badProperty(table, version, CHECKPOINT_POLICY, config.get(CHECKPOINT_POLICY),
          "it must be classic or v2");
    }
    boolean v2 = policy.equals("v2") && protocol.writerFeatures().contains("v2Checkpoint");
    long tombstones = p.interval(TOMBSTONE_RETENTION).orElse(Intervals.toMillis(DEFAULT_TOMBSTONE_RETENTION));
    return new CheckpointSettings(v2, p.bool(STATS_AS_JSON, true), tombstones, p.interval(TXN_RETENTION));
  }

  /** Typed reads of the table properties, failing with the property named. */
  private record Properties(String table, long version, Map<String, String> config) {
    boolean bool(String key, boolean absent) {
      String value = config.get(key);
      if (value == null) {
        return absent;
      }
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw DeltaErrors.badProperty(table, version, key, value, "it must be true or false");
      };
    }

    OptionalLong interval(String key) {
      String value = config.get(key);
      if (value == null) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(Intervals.toMillis(value));
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.badProperty(table, version, key, value, e.getMessage());
      }
    }
  }
}
