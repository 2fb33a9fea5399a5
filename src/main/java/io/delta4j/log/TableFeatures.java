package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.log.action.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that says which protocol versions and reader features delta4j can read
 * (PROTOCOL.md, "Table Features"). A table that needs anything else is refused with the names of
 * what is missing; nothing unknown is ever ignored.
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

  private TableFeatures() {}

  /** Throws {@code UnsupportedTableFeatureException} unless delta4j can read the table. */
  public static void checkReadable(String table, Protocol protocol) {
    int reader = protocol.minReaderVersion();
    List<String> missing = new ArrayList<>();
    if (protocol.hasReaderFeatures()) {
      for (String feature : protocol.readerFeatures()) {
        if (!READER_FEATURES.contains(feature)) {
          missing.add(feature);
        }
      }
    }
    if (reader < 1 || reader > MAX_READER_VERSION) {
      throw DeltaErrors.unsupportedVersion(table, "read", reader, MAX_READER_VERSION, missing);
    }
    // Reader 1 needs nothing; reader 2 means column mapping, which is supported.
    if (!missing.isEmpty()) {
      throw DeltaErrors.unsupportedFeatures(table, "read", missing, READER_FEATURES);
    }
  }
}
