package io.delta4j.log;

import io.delta4j.CorruptLogException;
import io.delta4j.DeltaErrors;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.SchemaWalk;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether delta4j may write data to a table (PROTOCOL.md, "Table Features": writers must
 * implement every feature listed, and every feature a legacy version implies). A feature counts
 * only where it asks something of writers: a legacy writer 4 implies generatedColumns, but a table
 * without {@code delta.generationExpression} columns asks nothing of it, so it stays writable.
 */
final class WriteGate {
  /**
   * Features delta4j honours whenever they are supported: appendOnly, invariants and checkConstraints
   * are enforced by the write path; changeDataFeed gets cdc files; domains are preserved;
   * vacuumProtocolCheck concerns only VACUUM; clustering allows appends of unclustered files
   * (no {@code clusteringProvider}), provided the data writer collects statistics for the
   * clustering columns named by the {@code delta.clustering} domain.
   */
  static final Set<TableFeature> ALWAYS_WRITABLE = EnumSet.of(
      TableFeature.APPEND_ONLY,
      TableFeature.INVARIANTS,
      TableFeature.CHECK_CONSTRAINTS,
      TableFeature.CHANGE_DATA_FEED,
      TableFeature.COLUMN_MAPPING,
      TableFeature.DELETION_VECTORS,
      TableFeature.TIMESTAMP_NTZ,
      TableFeature.DOMAIN_METADATA,
      TableFeature.V2_CHECKPOINT,
      TableFeature.CLUSTERING,
      TableFeature.VACUUM_PROTOCOL_CHECK,
      TableFeature.IN_COMMIT_TIMESTAMP,
      TableFeature.TYPE_WIDENING,
      TableFeature.TYPE_WIDENING_PREVIEW);

  private static final Set<TableFeature> CATALOG_MANAGED =
      EnumSet.of(TableFeature.CATALOG_MANAGED, TableFeature.CATALOG_OWNED_PREVIEW);

  private WriteGate() {}

  static void check(String table, Protocol protocol, Metadata metadata) {
    Set<String> listed = new TreeSet<>(protocol.writerFeatures());
    listed.addAll(protocol.readerFeatures());
    List<String> refused = new ArrayList<>();
    Set<TableFeature> supported = TableFeature.impliedBy(protocol.minReaderVersion(), protocol.minWriterVersion());
    for (String name : listed) {
      TableFeature feature = TableFeature.fromName(name).orElse(null);
      if (feature == null) {
        refused.add(name);
      } else if (CATALOG_MANAGED.contains(feature)) {
        throw DeltaErrors.catalogManagedWrite(table, "write", name);
      } else {
        supported.add(feature);
      }
    }
    int writer = protocol.minWriterVersion();
    if (writer < 1 || writer > TableFeatures.MAX_WRITER_VERSION) {
      throw DeltaErrors.unsupportedWriterVersion(table, "write", writer, TableFeatures.MAX_WRITER_VERSION, refused);
    }
    Usage usage = new Usage(table, metadata);
    for (TableFeature feature : supported) {
      if (!ALWAYS_WRITABLE.contains(feature) && usage.isActive(feature)) {
        refused.add(feature.featureName());
      }
    }
    if (!refused.isEmpty()) {
      List<String> writable = ALWAYS_WRITABLE.stream().map(TableFeature::featureName).toList();
      throw DeltaErrors.unsupportedWriterFeatures(table, "write", refused, writable);
    }
  }

  /** Whether the table uses the features delta4j cannot write under, read from its metadata. */
  private static final class Usage {
    private final Map<String, String> config;
    private final List<StructField> fields;
    private final StructType schema;

    Usage(String table, Metadata metadata) {
      this.config = metadata.configuration();
      this.schema = parseSchema(table, metadata);
      this.fields = SchemaWalk.fields(schema);
    }

    /** Whether the feature, supported by the protocol, asks writers for something delta4j does not do. */
    boolean isActive(TableFeature feature) {
      return switch (feature) {
        // Writers must compute or check generated values, identity values and defaults.
        case GENERATED_COLUMNS -> hasFieldMetadata("delta.generationExpression");
        case IDENTITY_COLUMNS -> fields.stream().anyMatch(
            f -> f.metadata().keySet().stream().anyMatch(k -> k.startsWith("delta.identity.")));
        case ALLOW_COLUMN_DEFAULTS -> hasFieldMetadata("CURRENT_DEFAULT");
        // Supported and not suspended: every new add needs baseRowId and defaultRowCommitVersion.
        case ROW_TRACKING -> !isTrue("delta.rowTrackingSuspended") || isTrue("delta.enableRowTracking");
        case ICEBERG_COMPAT_V1 -> isTrue("delta.enableIcebergCompatV1");
        case ICEBERG_COMPAT_V2 -> isTrue("delta.enableIcebergCompatV2");
        // delta4j cannot encode variant values; without a variant column there is nothing to encode.
        case VARIANT_TYPE, VARIANT_TYPE_PREVIEW, VARIANT_SHREDDING, VARIANT_SHREDDING_PREVIEW ->
            SchemaWalk.contains(schema, PrimitiveType.VARIANT);
        default -> true;
      };
    }

    private boolean hasFieldMetadata(String key) {
      return fields.stream().anyMatch(f -> f.metadata().containsKey(key));
    }

    private boolean isTrue(String key) {
      return "true".equalsIgnoreCase(config.getOrDefault(key, "").trim());
    }

    private static StructType parseSchema(String table, Metadata metadata) {
      if (metadata.schemaString().isEmpty()) {
        return new StructType(List.of());
      }
      try {
        return SchemaJson.parse(metadata.schemaString());
      } catch (IllegalArgumentException e) {
        throw new CorruptLogException(
            table, null, -1, "Cannot write table: its schema cannot be read: " + e.getMessage(), e);
      }
    }
  }
}
