package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.DeltaException;
import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.Snapshot;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ProtocolSelection} against the protocols Delta Spark chose for golden tables: version 0's
 * schema, partition columns and properties go in, and delta4j's protocol is compared with the
 * table's. Where they differ, the row says why.
 */
class ProtocolSelectionGoldenTest {
  /** delta4j's choice for version 0, or the start of the error message. */
  private static String choose(Snapshot v0) {
    Map<String, String> properties = new HashMap<>(v0.properties());
    properties.remove("delta.columnMapping.maxColumnId"); // what the writer derived, not what the user asked for
    try {
      return ProtocolSelectionTest.render(
          ProtocolSelection.forNewTable("t", v0.schema(), v0.partitionColumns(), properties).protocol());
    } catch (DeltaException e) {
      return e.getClass().getSimpleName();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // the same choice
      "delta-golden/only-checkpoint-files | 1/2 | 1/2",
      "delta-golden/table-with-columnmapping-mode-name | 2/5 | 2/5",
      "delta-golden/data-skipping-basic-stats-all-types-columnmapping-id | 2/5 | 2/5",
      "kernel/spark-variant-stable-feature-checkpoint | 3/7 R[variantType] W[appendOnly,invariants,variantType]"
          + " | 3/7 R[variantType] W[appendOnly,invariants,variantType]",
      // Spark listed changeDataFeed with writer 7; delta4j uses the legacy writer 4, which implies it
      "delta-golden/commit-info-containing-arbitrary-operationParams-types | 1/4"
          + " | 1/7 W[appendOnly,changeDataFeed,invariants]",
      // these tables were made with Spark's test defaults of protocol (3,7) with no features, so their lists
      // lack the appendOnly and invariants that a default (1,2) table has and delta4j keeps
      "delta-golden/data-reader-timestamp_ntz | 3/7 R[timestampNtz] W[appendOnly,invariants,timestampNtz]"
          + " | 3/7 R[timestampNtz] W[timestampNtz]",
      "delta-golden/data-reader-timestamp_ntz-name-mode"
          + " | 3/7 R[columnMapping,timestampNtz] W[appendOnly,columnMapping,invariants,timestampNtz]"
          + " | 3/7 R[columnMapping,timestampNtz] W[columnMapping,timestampNtz]",
      "delta-golden/dv-with-columnmapping"
          + " | 3/7 R[columnMapping,deletionVectors] W[appendOnly,columnMapping,deletionVectors,invariants]"
          + " | 3/7 R[columnMapping,deletionVectors] W[columnMapping,deletionVectors]",
      "kernel/basic-dv-no-checkpoint | 3/7 R[deletionVectors] W[appendOnly,deletionVectors,invariants]"
          + " | 3/7 R[deletionVectors] W[deletionVectors]",
      // features whose set-up delta4j does not implement
      "delta-golden/table-with-icebegCompatV2Enabled | InvalidTableDefinitionException"
          + " | 2/7 W[appendOnly,columnMapping,icebergCompatV2,invariants]",
      "spark/dbr_8_1_generated_columns | InvalidTableDefinitionException | 1/4"})
  void versionZero(String path, String delta4j, String spark) {
    try (DeltaTable table = DeltaTable.open(SharedTables.root().resolve("golden").resolve(path).toString(), 0)) {
      Snapshot v0 = table.snapshot();
      assertEquals(spark, ProtocolSelectionTest.render(v0.protocol()));
      assertEquals(delta4j, choose(v0));
    }
  }
}
