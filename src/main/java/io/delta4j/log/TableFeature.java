package io.delta4j.log;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The table features delta4j knows (PROTOCOL.md, "Valid Feature Names in Table Features", plus the
 * preview names Delta releases wrote), with the protocol versions that support each. A legacy
 * feature (writer version below 7) is implied by every protocol at or above its versions; the
 * others exist only in the explicit lists of reader version 3 / writer version 7. Knowing a feature
 * does not mean delta4j can write under it: {@link TableFeatures#checkWritable} decides that.
 */
public enum TableFeature {
  APPEND_ONLY("appendOnly", 1, 2),
  INVARIANTS("invariants", 1, 2),
  CHECK_CONSTRAINTS("checkConstraints", 1, 3),
  CHANGE_DATA_FEED("changeDataFeed", 1, 4),
  GENERATED_COLUMNS("generatedColumns", 1, 4),
  COLUMN_MAPPING("columnMapping", 2, 5),
  IDENTITY_COLUMNS("identityColumns", 1, 6),
  DELETION_VECTORS("deletionVectors", 3, 7),
  ROW_TRACKING("rowTracking", 1, 7),
  TIMESTAMP_NTZ("timestampNtz", 3, 7),
  DOMAIN_METADATA("domainMetadata", 1, 7),
  V2_CHECKPOINT("v2Checkpoint", 3, 7),
  CATALOG_MANAGED("catalogManaged", 3, 7),
  CATALOG_OWNED_PREVIEW("catalogOwned-preview", 3, 7),
  ICEBERG_COMPAT_V1("icebergCompatV1", 1, 7),
  ICEBERG_COMPAT_V2("icebergCompatV2", 1, 7),
  CLUSTERING("clustering", 1, 7),
  VACUUM_PROTOCOL_CHECK("vacuumProtocolCheck", 3, 7),
  IN_COMMIT_TIMESTAMP("inCommitTimestamp", 1, 7),
  ALLOW_COLUMN_DEFAULTS("allowColumnDefaults", 1, 7),
  TYPE_WIDENING("typeWidening", 3, 7),
  TYPE_WIDENING_PREVIEW("typeWidening-preview", 3, 7),
  VARIANT_TYPE("variantType", 3, 7),
  VARIANT_TYPE_PREVIEW("variantType-preview", 3, 7),
  VARIANT_SHREDDING("variantShredding", 3, 7),
  VARIANT_SHREDDING_PREVIEW("variantShredding-preview", 3, 7);

  private final String featureName;
  private final int minReaderVersion;
  private final int minWriterVersion;

  TableFeature(String featureName, int minReaderVersion, int minWriterVersion) {
    this.featureName = featureName;
    this.minReaderVersion = minReaderVersion;
    this.minWriterVersion = minWriterVersion;
  }

  /** The name in {@code readerFeatures} / {@code writerFeatures}, e.g. {@code deletionVectors}. */
  public String featureName() {
    return featureName;
  }

  /** Whether readers must know it too, so that it is listed in both feature lists. */
  public boolean isReaderWriter() {
    return minReaderVersion > 1;
  }

  /** The reader version that supports it: 1 for writer features, 2 for column mapping, else 3. */
  public int minReaderVersion() {
    return minReaderVersion;
  }

  /** The writer version that supports it: 2 to 6 for legacy features, else 7. */
  public int minWriterVersion() {
    return minWriterVersion;
  }

  /** Whether a legacy protocol version (writer 2 to 6) implies it. */
  public boolean isLegacy() {
    return minWriterVersion < 7;
  }

  /** The features that must be supported with it (PROTOCOL.md, each feature's section). */
  public Set<TableFeature> requires() {
    return switch (this) {
      case ROW_TRACKING, CLUSTERING -> EnumSet.of(DOMAIN_METADATA);
      case ICEBERG_COMPAT_V1, ICEBERG_COMPAT_V2 -> EnumSet.of(COLUMN_MAPPING);
      case VARIANT_SHREDDING -> EnumSet.of(VARIANT_TYPE);
      case CATALOG_MANAGED -> EnumSet.of(IN_COMMIT_TIMESTAMP);
      default -> EnumSet.noneOf(TableFeature.class);
    };
  }

  /** The feature named exactly {@code name}, as the protocol action lists it. */
  public static Optional<TableFeature> fromName(String name) {
    for (TableFeature feature : values()) {
      if (feature.featureName.equals(name)) {
        return Optional.of(feature);
      }
    }
    return Optional.empty();
  }

  /** The feature named {@code name} ignoring case, as Delta reads {@code delta.feature.<name>} properties. */
  public static Optional<TableFeature> fromNameIgnoreCase(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (TableFeature feature : values()) {
      if (feature.featureName.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(feature);
      }
    }
    return Optional.empty();
  }

  /**
   * The legacy features a protocol without feature lists implies (PROTOCOL.md, "Writer Version
   * Requirements", "Reader Version Requirements"): writer 2 appendOnly and invariants, 3 adds
   * checkConstraints, 4 changeDataFeed and generatedColumns, 5 columnMapping (with reader 2), 6
   * identityColumns. Empty for writer version 7, whose features are all listed.
   */
  public static Set<TableFeature> impliedBy(int readerVersion, int writerVersion) {
    Set<TableFeature> implied = EnumSet.noneOf(TableFeature.class);
    if (writerVersion >= 7) {
      return implied;
    }
    for (TableFeature feature : values()) {
      if (feature.isLegacy() && feature.minWriterVersion <= writerVersion
          && feature.minReaderVersion <= readerVersion) {
        implied.add(feature);
      }
    }
    return implied;
  }
}
