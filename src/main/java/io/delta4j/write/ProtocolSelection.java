package io.delta4j.write;

import io.delta4j.log.TableFeature;
import io.delta4j.log.action.Protocol;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaWalk;
import io.delta4j.types.StructType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a new table is created with: the smallest protocol that supports the features its schema
 * and properties need, the schema (with column-mapping ids and physical names when column mapping
 * is on), the partition columns as the schema spells them, and the properties to store.
 *
 * <p>The protocol (PROTOCOL.md, "Table Features", "Protocol Evolution"): legacy versions when every
 * feature needed has one, from (1,2), which supports appendOnly and invariants, through (1,3)
 * for CHECK constraints, (1,4) for change data feed and (2,5) for column mapping. Any other
 * feature needs writer version 7 with the features listed, the legacy ones the table needs
 * included (appendOnly and invariants always, as Delta lists them); reader version 3 with
 * {@code readerFeatures} when a reader-writer feature without a legacy version is needed, else
 * reader 2 with column mapping or 1 without. A feature is needed when the table uses it:
 * {@code delta.enableDeletionVectors=true}, a timestamp_ntz or variant column anywhere,
 * {@code delta.enableInCommitTimestamps=true}, {@code delta.checkpointPolicy=v2},
 * {@code delta.enableTypeWidening=true}, {@code delta.enableChangeDataFeed=true},
 * {@code delta.columnMapping.mode} name or id, a {@code delta.constraints.*} property, or an
 * explicit {@code delta.feature.<name>=supported}, plus the features those require.
 *
 * @param protocol the protocol of version 0
 * @param schema the schema to store
 * @param partitionColumns the partition columns to store
 * @param configuration the table properties to store: the given ones without the
 *     {@code delta.feature.*} requests, plus {@code delta.columnMapping.maxColumnId} with column mapping
 */
public record ProtocolSelection(
    Protocol protocol, StructType schema, List<String> partitionColumns, Map<String, String> configuration) {
  /** The prefix of properties that ask for a table feature; they set the protocol and are not stored. */
  public static final String FEATURE_PREFIX = "delta.feature.";

  /** Features delta4j cannot set up on a new table: they need a catalog. */
  private static final Set<TableFeature> NOT_CREATABLE =
      EnumSet.of(TableFeature.CATALOG_MANAGED, TableFeature.CATALOG_OWNED_PREVIEW);

  /** Properties that enable a feature whose set-up on a new table delta4j does not implement, and why. */
  private static final Map<String, String> NOT_ENABLEABLE = Map.of(
      "delta.enableRowTracking", "delta4j does not assign row ids and materialized row-tracking columns",
      "delta.enableIcebergCompatV1", "delta4j does not implement the Iceberg compatibility requirements",
      "delta.enableIcebergCompatV2", "delta4j does not implement the Iceberg compatibility requirements",
      "delta.enableVariantShredding", "delta4j does not write shredded variants");

  public ProtocolSelection {
    partitionColumns = List.copyOf(partitionColumns);
    configuration = Map.copyOf(configuration);
  }

  /**
   * Chooses the protocol and the stored schema and properties of a new table.
   *
   * @param table the table's location, for messages
   * @param properties the table properties asked for, {@code delta.feature.*} requests included
   * @throws io.delta4j.InvalidTableDefinitionException when the schema, a partition column or a
   *     property is invalid, a {@code delta.feature.*} names an unknown feature or has a value other
   *     than {@code supported}, or a feature is asked for whose set-up delta4j does not implement
   * @throws io.delta4j.UnsupportedTableFeatureException when an invariant or CHECK constraint is one
   *     delta4j cannot evaluate, so it could not write the table
   */
  public static ProtocolSelection forNewTable(
      String table, StructType schema, List<String> partitionColumns, Map<String, String> properties) {
    PropertyChecks.check(table, properties);
    boolean columnMapping = ColumnMappingMode.fromProperties(properties) != ColumnMappingMode.NONE;
    NewTableChecks.schema(table, schema, columnMapping);
    List<String> partitions = NewTableChecks.partitionColumns(table, schema, partitionColumns);

    Set<TableFeature> needed = EnumSet.of(TableFeature.APPEND_ONLY, TableFeature.INVARIANTS);
    Map<String, String> stored = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (e.getKey().startsWith(FEATURE_PREFIX)) {
        needed.add(requestedFeature(table, e.getKey(), e.getValue()));
      } else {
        stored.put(e.getKey(), e.getValue());
      }
    }
    for (TableFeature used : usedFeatures(table, schema, stored)) {
      // A requested preview name stands for its feature, as in Delta Kernel: listing both is redundant.
      if (!needed.contains(previewOf(used))) {
        needed.add(used);
      }
    }

    StructType storedSchema;
    if (columnMapping) {
      ColumnMappingIds.Assigned assigned = ColumnMappingIds.assign(schema);
      storedSchema = assigned.schema();
      stored.put(ColumnMappingIds.MAX_COLUMN_ID, Long.toString(assigned.maxColumnId()));
    } else {
      storedSchema = ColumnMappingIds.strip(schema);
    }
    RowConstraints.of(table, storedSchema, stored); // refuses constraints delta4j could not enforce
    return new ProtocolSelection(minimalProtocol(needed), storedSchema, partitions, stored);
  }

  /** The smallest protocol supporting {@code features} and the features they require. */
  static Protocol minimalProtocol(Set<TableFeature> features) {
    Set<TableFeature> all = withRequired(features);
    int reader = all.stream().mapToInt(TableFeature::minReaderVersion).max().orElse(1);
    if (all.stream().allMatch(TableFeature::isLegacy)) {
      int writer = all.stream().mapToInt(TableFeature::minWriterVersion).max().orElse(1);
      return new Protocol(reader, writer);
    }
    Set<String> readerFeatures = new TreeSet<>();
    Set<String> writerFeatures = new TreeSet<>();
    for (TableFeature feature : all) {
      writerFeatures.add(feature.featureName());
      if (reader == 3 && feature.isReaderWriter()) {
        readerFeatures.add(feature.featureName());
      }
    }
    return new Protocol(reader, 7, readerFeatures, writerFeatures);
  }

  private static Set<TableFeature> withRequired(Set<TableFeature> features) {
    Set<TableFeature> all = EnumSet.copyOf(features);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (TableFeature feature : List.copyOf(all)) {
        grew |= all.addAll(feature.requires());
      }
    }
    return all;
  }

  /** The name Delta's preview releases gave {@code feature}, or null when it had none. */
  private static TableFeature previewOf(TableFeature feature) {
    return switch (feature) {
      case TYPE_WIDENING -> TableFeature.TYPE_WIDENING_PREVIEW;
      case VARIANT_TYPE -> TableFeature.VARIANT_TYPE_PREVIEW;
      default -> null;
    };
  }

  /** The feature a {@code delta.feature.<name>} property asks for. */
  private static TableFeature requestedFeature(String table, String key, String value) {
    String name = key.substring(FEATURE_PREFIX.length());
    TableFeature feature = TableFeature.fromNameIgnoreCase(name).orElseThrow(() -> WriteErrors.unknownFeature(
        table, key, EnumSet.allOf(TableFeature.class).stream().map(TableFeature::featureName).toList()));
    // Delta Spark also takes "enabled", the value its first releases wrote.
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("supported") && !v.equals("enabled")) {
      throw WriteErrors.invalidProperty(table, key, value, "a feature can only be asked for with \"supported\"");
    }
    if (NOT_CREATABLE.contains(feature)) {
      throw WriteErrors.cannotCreate(table, key, value, "a catalog-managed table is created through its catalog,"
          + " and delta4j has no catalog integration");
    }
    return feature;
  }

  /** The features the schema and the stored properties use. */
  private static Set<TableFeature> usedFeatures(String table, StructType schema, Map<String, String> properties) {
    for (Map.Entry<String, String> refused : NOT_ENABLEABLE.entrySet()) {
      if (PropertyChecks.isTrue(properties, refused.getKey())) {
        throw WriteErrors.cannotCreate(table, refused.getKey(), properties.get(refused.getKey()), refused.getValue());
      }
    }
    Set<TableFeature> used = EnumSet.noneOf(TableFeature.class);
    if (properties.keySet().stream().anyMatch(k -> k.startsWith(RowConstraints.CONSTRAINT_PREFIX))) {
      used.add(TableFeature.CHECK_CONSTRAINTS);
    }
    if (PropertyChecks.isTrue(properties, "delta.enableChangeDataFeed")) {
      used.add(TableFeature.CHANGE_DATA_FEED);
    }
    if (ColumnMappingMode.fromProperties(properties) != ColumnMappingMode.NONE) {
      used.add(TableFeature.COLUMN_MAPPING);
    }
    if (PropertyChecks.isTrue(properties, "delta.enableDeletionVectors")) {
      used.add(TableFeature.DELETION_VECTORS);
    }
    if (PropertyChecks.isTrue(properties, "delta.enableInCommitTimestamps")) {
      used.add(TableFeature.IN_COMMIT_TIMESTAMP);
    }
    if ("v2".equalsIgnoreCase(properties.getOrDefault("delta.checkpointPolicy", "").trim())) {
      used.add(TableFeature.V2_CHECKPOINT);
    }
    if (PropertyChecks.isTrue(properties, "delta.enableTypeWidening")) {
      used.add(TableFeature.TYPE_WIDENING);
    }
    if (SchemaWalk.contains(schema, PrimitiveType.TIMESTAMP_NTZ)) {
      used.add(TableFeature.TIMESTAMP_NTZ);
    }
    if (SchemaWalk.contains(schema, PrimitiveType.VARIANT)) {
      used.add(TableFeature.VARIANT_TYPE);
    }
    return used;
  }
}
