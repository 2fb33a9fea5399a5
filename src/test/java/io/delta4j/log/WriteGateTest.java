package io.delta4j.log;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaException;
import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.Snapshot;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TableFeatures#checkWritable}: which tables delta4j may write data to. */
class WriteGateTest {
  private static final String WRITABLE = "writable";

  /** The golden tables delta4j refuses to write, with the features it names; every other readable one is writable. */
  private static final Map<String, String> REFUSED_GOLDEN = Map.ofEntries(
      Map.entry("delta-golden/collations-preview-table", "[collations-preview]"),
      Map.entry("delta-golden/collations-table", "[collations]"),
      Map.entry("delta-golden/spark-variant-checkpoint", "[variantType-preview]"),
      Map.entry("delta-golden/table-with-icebegCompatV2Enabled", "[icebergCompatV2]"),
      Map.entry("kernel/spark-shredded-variant-preview-delta", "[variantShredding-preview, variantType]"),
      Map.entry("kernel/spark-variant-checkpoint", "[variantType-preview]"),
      Map.entry("kernel/spark-variant-stable-feature-checkpoint", "[variantType]"),
      Map.entry("spark/dbr_8_1_generated_columns", "[generatedColumns]"),
      Map.entry("spark/variant-stats-nested-no-checkpoint", "[variantShredding-preview, variantType]"),
      Map.entry("spark/variant-stats-no-checkpoint", "[variantShredding-preview, variantType]"),
      Map.entry("spark/variant-stats-state-reconstruction", "[variantShredding-preview, variantType]"),
      Map.entry("spark/variant-stats-with-struct-no-checkpoint", "[variantShredding-preview, variantType]"));

  private static Metadata metadata(StructType schema, Map<String, String> configuration) {
    return new Metadata("id", Optional.empty(), Optional.empty(), new Format("parquet", Map.of()),
        SchemaJson.toJson(schema), List.of(), OptionalLong.empty(), configuration);
  }

  private static Set<String> names(String list) {
    return list == null ? Set.of() : Set.of(list.split(","));
  }

  private static StructType schema(String metadataKey) {
    Map<String, Object> metadata = metadataKey == null ? Map.of() : Map.of(metadataKey, "1");
    return StructType.of(new StructField("c", PrimitiveType.INTEGER, true, metadata));
  }

  /** {@code writable}, or the refused features in order. */
  private static String outcome(String table, Protocol protocol, Metadata metadata) {
    try {
      TableFeatures.checkWritable(table, protocol, metadata);
      return WRITABLE;
    } catch (UnsupportedTableFeatureException e) {
      return new TreeSet<>(e.unsupportedFeatures()).toString();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // legacy protocols: the implied features count only when the table uses them
      "1 | 1 | - | - | - | - | writable",
      "1 | 2 | - | - | - | - | writable",
      "1 | 4 | - | - | - | - | writable",
      "1 | 4 | - | - | delta.generationExpression | - | [generatedColumns]",
      "1 | 2 | - | - | delta.generationExpression | - | writable",
      "1 | 5 | - | - | delta.identity.start | - | writable",
      "2 | 6 | - | - | delta.identity.highWaterMark | - | [identityColumns]",
      "2 | 6 | - | - | - | delta.enableChangeDataFeed=true | writable",
      "1 | 8 | - | - | - | - | [writerVersion=8]",
      // table features: every listed feature counts
      "3 | 7 | deletionVectors,columnMapping,timestampNtz,v2Checkpoint,typeWidening,typeWidening-preview,"
          + "vacuumProtocolCheck | appendOnly,invariants,checkConstraints,changeDataFeed,columnMapping,deletionVectors,"
          + "timestampNtz,v2Checkpoint,typeWidening,typeWidening-preview,vacuumProtocolCheck,domainMetadata,"
          + "inCommitTimestamp,clustering,generatedColumns,identityColumns,allowColumnDefaults,icebergCompatV1,"
          + "icebergCompatV2,variantType | - | - | writable",
      "3 | 7 | deletionVectors | deletionVectors,checkpointProtection,appendOnly | - | - | [checkpointProtection]",
      "1 | 7 | - | generatedColumns | delta.generationExpression | - | [generatedColumns]",
      "1 | 7 | - | identityColumns | delta.identity.start | - | [identityColumns]",
      "1 | 7 | - | allowColumnDefaults | CURRENT_DEFAULT | - | [allowColumnDefaults]",
      "1 | 7 | - | rowTracking,domainMetadata | - | - | [rowTracking]",
      "1 | 7 | - | rowTracking,domainMetadata | - | delta.rowTrackingSuspended=true | writable",
      "1 | 7 | - | rowTracking,domainMetadata | - | delta.rowTrackingSuspended=true;delta.enableRowTracking=true"
          + " | [rowTracking]",
      "2 | 7 | - | columnMapping,icebergCompatV1 | - | delta.enableIcebergCompatV1=true | [icebergCompatV1]",
      "2 | 7 | - | columnMapping,icebergCompatV2 | - | delta.enableIcebergCompatV2=TRUE | [icebergCompatV2]"})
  void featuresRefusedOnlyWhereTheTableUsesThem(
      int reader, int writer, String readerFeatures, String writerFeatures, String fieldMetadata, String properties,
      String expected) {
    Map<String, String> configuration = new LinkedHashMap<>();
    if (properties != null) {
      for (String pair : properties.split(";")) {
        configuration.put(pair.split("=")[0], pair.split("=")[1]);
      }
    }
    Protocol protocol = new Protocol(reader, writer, names(readerFeatures), names(writerFeatures));
    assertEquals(expected, outcome("/t", protocol, metadata(schema(fieldMetadata), configuration)));
  }

  @Test
  void variantFeaturesCountOnlyWithAVariantColumn() {
    Protocol protocol = new Protocol(3, 7, Set.of("variantType"), Set.of("variantType"));
    assertEquals(WRITABLE, outcome("/t", protocol, metadata(schema(null), Map.of())));
    StructType variant = StructType.of(new StructField("s", StructType.of(
        new StructField("v", PrimitiveType.VARIANT, true)), true));
    assertEquals("[variantType]", outcome("/t", protocol, metadata(variant, Map.of())));
  }

  @Test
  void messagesNameTheFeaturesAndWhatDelta4jCanWrite() {
    Protocol protocol = new Protocol(1, 7, Set.of(), Set.of("collations", "appendOnly"));
    UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class,
        () -> TableFeatures.checkWritable("/t", protocol, metadata(schema(null), Map.of())));
    assertEquals("/t: Cannot write table: requires writer features [collations]; delta4j can write tables with:"
        + " [appendOnly, changeDataFeed, checkConstraints, clustering, columnMapping, deletionVectors, domainMetadata,"
        + " inCommitTimestamp, invariants, timestampNtz, typeWidening, typeWidening-preview, v2Checkpoint,"
        + " vacuumProtocolCheck].", e.getMessage());

    e = assertThrows(UnsupportedTableFeatureException.class,
        () -> TableFeatures.checkWritable("/t", new Protocol(1, 8), metadata(schema(null), Map.of())));
    assertEquals("/t: Cannot write table: requires Delta protocol writer version 8; delta4j supports writer versions"
        + " up to 7.", e.getMessage());
  }

  @Test
  void catalogManagedTablesAreWrittenThroughTheirCatalog() {
    // The protocol of kernel/catalog-owned-preview, which delta4j already refuses to read.
    Protocol protocol = new Protocol(3, 7, Set.of("catalogManaged"),
        Set.of("catalogManaged", "inCommitTimestamp", "invariants", "appendOnly"));
    UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class,
        () -> TableFeatures.checkWritable("/t", protocol, metadata(schema(null), Map.of())));
    assertEquals(Set.of("catalogManaged"), e.unsupportedFeatures());
    assertTrue(e.getMessage().startsWith("/t: Cannot write table: it is catalog-managed"), e.getMessage());
  }

  /** Every golden table delta4j can read: writable unless listed in {@link #REFUSED_GOLDEN}. */
  @Test
  void goldenTables() throws IOException {
    Path root = SharedTables.root().resolve("golden");
    Map<String, String> actual = new TreeMap<>();
    List<String> writable = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(root, 3)) {
      for (Path dir : dirs.filter(d -> Files.isDirectory(d.resolve("_delta_log"))).sorted().toList()) {
        String name = root.relativize(dir).toString();
        Snapshot snapshot;
        try (DeltaTable table = DeltaTable.open(dir.toString())) {
          snapshot = table.snapshot();
        } catch (DeltaException unreadable) {
          continue; // broken logs and unreadable protocols, which the read tests cover
        }
        String outcome = outcome(name, snapshot.protocol(), snapshot.metadata());
        if (outcome.equals(WRITABLE)) {
          writable.add(name);
        } else {
          actual.put(name, outcome);
        }
      }
    }
    assertEquals(new TreeMap<>(REFUSED_GOLDEN), actual);
    assertTrue(writable.size() > 100, "writable: " + writable);
    for (String expected : List.of("delta-golden/v2-checkpoint-json", "delta-golden/type-widening",
        "delta-golden/commit-info-containing-arbitrary-operationParams-types", "delta-golden/dv-with-columnmapping",
        "delta-golden/table-with-columnmapping-mode-name", "delta-golden/basic-with-vacuum-protocol-check-feature",
        "delta-golden/parquet-all-types", "spark/identity_test_written_by_version_5",
        "spark/dbr_8_0_non_generated_columns")) {
      assertTrue(writable.contains(expected), expected);
    }
  }

  /** delta-rs tables that use features the golden tables lack. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "delta-rs-data/checkpoint-v2-table | [identityColumns]",
      "delta-rs-data/issue-2152 | [identityColumns]",
      "delta-rs-data/table-with-domain-metadata | [rowTracking]",
      "delta-rs-data/table_with_liquid_clustering | [liquid, rowTracking]",
      "delta-rs-data/cdf-table | writable",
      "delta-rs-data/table-with-dv-small | writable"})
  void otherReferenceTables(String path, String expected) {
    Path dir = SharedTables.root().resolve(path);
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      Snapshot snapshot = table.snapshot();
      assertEquals(expected, outcome(path, snapshot.protocol(), snapshot.metadata()));
    }
  }

  @Test
  void aTableWithoutSuchUsesNeedsNoSchema() {
    Metadata noSchema = new Metadata("id", Optional.empty(), Optional.empty(), new Format("parquet", Map.of()), "",
        List.of(), OptionalLong.empty(), Map.of());
    assertDoesNotThrow(() -> TableFeatures.checkWritable("/t", new Protocol(1, 2), noSchema));
  }
}
