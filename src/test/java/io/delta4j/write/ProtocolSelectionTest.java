package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.InvalidTableDefinitionException;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.log.action.Protocol;
import io.delta4j.types.ArrayType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaDdl;
import io.delta4j.types.SchemaWalk;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ProtocolSelection}: the protocol, schema and properties a new table is created with. */
class ProtocolSelectionTest {
  private static final String TABLE = "/t";
  private static final StructType SCHEMA = SchemaDdl.parse("id long, name string, day date");

  /** {@code reader/writer}, then {@code R[...]} and {@code W[...]} when the protocol lists features. */
  static String render(Protocol p) {
    String out = p.minReaderVersion() + "/" + p.minWriterVersion();
    if (p.hasReaderFeatures()) {
      out += " R" + p.readerFeatures().toString().replace(" ", "");
    }
    if (p.hasWriterFeatures()) {
      out += " W" + p.writerFeatures().toString().replace(" ", "");
    }
    return out;
  }

  /** {@code k=v} pairs separated by {@code ;}. */
  private static Map<String, String> properties(String text) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (text != null) {
      for (String pair : text.split(";")) {
        String[] kv = pair.split("=", 2);
        properties.put(kv[0].strip(), kv[1].strip());
      }
    }
    return properties;
  }

  private static ProtocolSelection select(String ddl, String properties) {
    return ProtocolSelection.forNewTable(TABLE, SchemaDdl.parse(ddl), List.of(), properties(properties));
  }

  private static String refusal(StructType schema, List<String> partitions, String properties) {
    return assertThrows(InvalidTableDefinitionException.class,
        () -> ProtocolSelection.forNewTable(TABLE, schema, partitions, properties(properties))).getMessage();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // legacy versions while every feature has one
      "id long | - | 1/2",
      "id long | delta.appendOnly=true; delta.checkpointInterval=5 | 1/2",
      "id long | delta.constraints.positive=id > 0 | 1/3",
      "id long | delta.feature.checkConstraints=supported | 1/3",
      "id long | delta.enableChangeDataFeed=true | 1/4",
      "id long | delta.enableChangeDataFeed=false | 1/2",
      "id long | delta.columnMapping.mode=name | 2/5",
      "id long | delta.columnMapping.mode=ID; delta.enableChangeDataFeed=true | 2/5",
      "id long | delta.columnMapping.mode=none | 1/2",
      // reader-writer features without a legacy version: reader 3 with both lists
      "id long | delta.enableDeletionVectors=true | 3/7 R[deletionVectors] W[appendOnly,deletionVectors,invariants]",
      "ts timestamp_ntz | - | 3/7 R[timestampNtz] W[appendOnly,invariants,timestampNtz]",
      "a array<map<string,struct<t:timestamp_ntz>>> | - | 3/7 R[timestampNtz] W[appendOnly,invariants,timestampNtz]",
      "id long | delta.checkpointPolicy=v2 | 3/7 R[v2Checkpoint] W[appendOnly,invariants,v2Checkpoint]",
      "id long | delta.enableTypeWidening=true | 3/7 R[typeWidening] W[appendOnly,invariants,typeWidening]",
      "id long | delta.enableTypeWidening=true; delta.feature.typeWidening-preview=supported"
          + " | 3/7 R[typeWidening-preview] W[appendOnly,invariants,typeWidening-preview]",
      "v variant | - | 3/7 R[variantType] W[appendOnly,invariants,variantType]",
      "id long | delta.feature.vacuumProtocolCheck=supported"
          + " | 3/7 R[vacuumProtocolCheck] W[appendOnly,invariants,vacuumProtocolCheck]",
      "id long | delta.feature.DELETIONVECTORS=Enabled | 3/7 R[deletionVectors] W[appendOnly,deletionVectors,invariants]",
      "id long | delta.columnMapping.mode=name; delta.enableDeletionVectors=true; delta.enableChangeDataFeed=true;"
          + " delta.constraints.c=id > 0 | 3/7 R[columnMapping,deletionVectors]"
          + " W[appendOnly,changeDataFeed,checkConstraints,columnMapping,deletionVectors,invariants]",
      // writer-only features without a legacy version: writer 7, the smallest reader version
      "id long | delta.enableInCommitTimestamps=true | 1/7 W[appendOnly,inCommitTimestamp,invariants]",
      "id long | delta.feature.domainMetadata=supported | 1/7 W[appendOnly,domainMetadata,invariants]",
      "id long | delta.feature.clustering=supported | 1/7 W[appendOnly,clustering,domainMetadata,invariants]",
      "id long | delta.feature.rowTracking=supported | 1/7 W[appendOnly,domainMetadata,invariants,rowTracking]",
      "id long | delta.enableChangeDataFeed=true; delta.enableInCommitTimestamps=true"
          + " | 1/7 W[appendOnly,changeDataFeed,inCommitTimestamp,invariants]",
      "id long | delta.columnMapping.mode=name; delta.enableInCommitTimestamps=true"
          + " | 2/7 W[appendOnly,columnMapping,inCommitTimestamp,invariants]",
      "id long | delta.feature.icebergCompatV2=supported | 2/7 W[appendOnly,columnMapping,icebergCompatV2,invariants]"})
  void theSmallestProtocolForTheFeaturesUsed(String ddl, String properties, String protocol) {
    assertEquals(protocol, render(select(ddl, properties).protocol()));
  }

  @Test
  void featureRequestsAreNotStoredAndTheRestIs() {
    ProtocolSelection selection = select("id long", "delta.feature.deletionVectors=supported;"
        + " delta.appendOnly=true; owner=me; delta.constraints.c=id > 0");
    assertEquals(Map.of("delta.appendOnly", "true", "owner", "me", "delta.constraints.c", "id > 0"),
        selection.configuration());
    assertEquals(SchemaDdl.parse("id long"), selection.schema());
  }

  @Test
  void columnMappingGivesEveryFieldAnIdAndAPhysicalName() {
    StructType schema = StructType.of(
        new StructField("id", PrimitiveType.LONG, false, Map.of("comment", "key", "delta.columnMapping.id", 99L)),
        new StructField("s", StructType.of(new StructField("a", PrimitiveType.INTEGER, true)), true),
        new StructField("l", new ArrayType(StructType.of(new StructField("b", PrimitiveType.STRING, true)), true), true),
        new StructField("m", new MapType(PrimitiveType.STRING,
            StructType.of(new StructField("c", PrimitiveType.DATE, true)), true), true));
    ProtocolSelection selection = ProtocolSelection.forNewTable(
        TABLE, schema, List.of(), Map.of("delta.columnMapping.mode", "id"));

    List<StructField> fields = SchemaWalk.fields(selection.schema());
    assertEquals(List.of("id", "s", "a", "l", "b", "m", "c"), fields.stream().map(StructField::name).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L),
        fields.stream().map(f -> f.columnMappingId().getAsLong()).toList());
    Set<String> physical = new HashSet<>();
    for (StructField field : fields) {
      assertTrue(field.physicalName().matches("col-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
          field.physicalName());
      assertTrue(physical.add(field.physicalName()));
    }
    assertEquals("key", fields.get(0).metadata().get("comment"));
    assertFalse(fields.get(0).nullable());
    assertEquals(Map.of("delta.columnMapping.mode", "id", "delta.columnMapping.maxColumnId", "7"),
        selection.configuration());
  }

  @Test
  void withoutColumnMappingLeftoverMappingMetadataIsDropped() {
    StructType schema = StructType.of(new StructField("id", PrimitiveType.LONG, true,
        Map.of("delta.columnMapping.id", 1L, "delta.columnMapping.physicalName", "col-x", "comment", "c")));
    assertEquals(StructType.of(new StructField("id", PrimitiveType.LONG, true, Map.of("comment", "c"))),
        ProtocolSelection.forNewTable(TABLE, schema, List.of(), Map.of()).schema());
  }

  @Test
  void partitionColumnsAreSpelledAsTheSchemaSpellsThem() {
    assertEquals(List.of("day", "name"),
        ProtocolSelection.forNewTable(TABLE, SCHEMA, List.of("DAY", "name"), Map.of()).partitionColumns());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "x | - | partition column \"x\" is not a top-level column of the schema, which has [id, name, day]",
      "s.a | - | partition column \"s.a\" is not a top-level column of the schema, which has [id, name, day]",
      "day,DAY | - | partition column \"DAY\" is listed twice",
      "id,name,day | - | every column is a partition column, so data files would hold no columns; keep at least"
          + " one column out of the partitioning",
      "- | delta.appendOnly=maybe | the table property delta.appendOnly=\"maybe\" is invalid: it must be true or false",
      "- | delta.checkpointInterval=0 | the table property delta.checkpointInterval=\"0\" is invalid: it must be a"
          + " whole number of at least 1",
      "- | delta.logRetentionDuration=30 days ago | the table property delta.logRetentionDuration=\"30 days ago\""
          + " is invalid: \"ago\" has no unit",
      "- | delta.columnMapping.mode=names | the table property delta.columnMapping.mode=\"names\" is invalid: it must"
          + " be one of [none, name, id]",
      "- | delta.checkpointPolicy=v3 | the table property delta.checkpointPolicy=\"v3\" is invalid: it must be one of"
          + " [classic, v2]",
      "- | delta.appendonly=true | the table property delta.appendonly=\"true\" is invalid: property names are"
          + " case-sensitive; did you mean delta.appendOnly?",
      "- | delta.columnMapping.maxColumnId=5 | the table property delta.columnMapping.maxColumnId=\"5\" is invalid:"
          + " delta4j sets it itself; remove it",
      "- | delta.minWriterVersion=4 | the table property delta.minWriterVersion=\"4\" is invalid: delta4j chooses the"
          + " smallest protocol the table's features need; ask for a feature with delta.feature.<name>=supported instead",
      "- | delta.feature.teleport=supported | the table property delta.feature.teleport names no table feature delta4j"
          + " knows; known features: [allowColumnDefaults, appendOnly, catalogManaged, catalogOwned-preview,"
          + " changeDataFeed, checkConstraints, clustering, columnMapping, deletionVectors, domainMetadata,"
          + " generatedColumns, icebergCompatV1, icebergCompatV2, identityColumns, inCommitTimestamp, invariants,"
          + " rowTracking, timestampNtz, typeWidening, typeWidening-preview, v2Checkpoint, vacuumProtocolCheck,"
          + " variantShredding, variantShredding-preview, variantType, variantType-preview]",
      "- | delta.feature.deletionVectors=disabled | the table property delta.feature.deletionVectors=\"disabled\" is"
          + " invalid: a feature can only be asked for with \"supported\"",
      "- | delta.feature.catalogManaged=supported | the table property delta.feature.catalogManaged=supported is not"
          + " supported: a catalog-managed table is created through its catalog, and delta4j has no catalog integration",
      "- | delta.enableRowTracking=true | the table property delta.enableRowTracking=true is not supported: delta4j"
          + " does not assign row ids and materialized row-tracking columns"})
  void invalidDefinitionsAreRefused(String partitions, String properties, String message) {
    List<String> partitionList = partitions == null ? List.of() : List.of(partitions.split(","));
    assertEquals("/t: Cannot create table: " + message + ".", refusal(SCHEMA, partitionList, properties));
  }

  @Test
  void schemasThatCannotBeStoredAreRefused() {
    assertEquals("/t: Cannot create table: the schema has no columns; a table needs at least one.",
        refusal(StructType.of(), List.of(), null));
    assertEquals("/t: Cannot create table: column \"my col\" has a character Parquet field names cannot hold (one of"
        + " space , ; { } ( ) newline tab =); rename it, or set delta.columnMapping.mode=name.",
        refusal(SchemaDdl.parse("s struct<`my col`: int>"), List.of(), null));
    assertEquals(2, ProtocolSelection.forNewTable(TABLE, SchemaDdl.parse("`my col` int"), List.of(),
        Map.of("delta.columnMapping.mode", "name")).protocol().minReaderVersion());
    assertEquals("/t: Cannot create table: column \"v\" has type void, which can hold no data; give it a type.",
        refusal(StructType.of(new StructField("v", PrimitiveType.VOID, true)), List.of(), null));
    assertEquals("/t: Cannot create table: column \"g\" is a generated column (table feature generatedColumns), whose"
        + " values delta4j cannot compute; remove the delta.generationExpression metadata.",
        refusal(StructType.of(new StructField("g", PrimitiveType.INTEGER, true,
            Map.of("delta.generationExpression", "1"))), List.of(), null));
    assertEquals("/t: Cannot create table: partition column \"tags\" has type array<string>; partition columns must"
        + " have a primitive type other than variant.",
        refusal(SchemaDdl.parse("id long, tags array<string>"), List.of("tags"), null));
  }

  @Test
  void constraintsDelta4jCannotEnforceAreRefusedAtCreation() {
    UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class,
        () -> select("id long", "delta.constraints.c=upper(id) > 0"));
    assertEquals(Set.of("checkConstraints"), e.unsupportedFeatures());
  }
}
