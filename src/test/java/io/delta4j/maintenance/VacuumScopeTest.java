package io.delta4j.maintenance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link VacuumScope}: the paths VACUUM keeps whatever their age (Delta's hidden-path rule). */
class VacuumScopeTest {
  static VacuumScope scope(List<String> partitionColumns, Map<String, String> configuration) {
    return VacuumScope.of(new Metadata("id", Optional.empty(), Optional.empty(), Format.parquet(), "{}",
        partitionColumns, OptionalLong.empty(), configuration));
  }

  @Test
  void namesStartingWithUnderscoreOrDotAreKeptAtAnyDepth() {
    VacuumScope scope = scope(List.of("date"), Map.of());
    for (String kept : List.of("_delta_log/00000000000000000000.json", "_delta_log/_sidecars/a.parquet",
        "_SUCCESS", ".part-0.crc", "date=1/_temporary/x.parquet", "date=1/.x.parquet", "_tmp/date=1/x.parquet")) {
      assertTrue(scope.keeps(kept), kept);
    }
    for (String candidate : List.of("part-0.parquet", "date=1/part-0.parquet", "a/b/c.bin",
        "deletion_vector_1.bin", "x_y/z_/part.parquet")) {
      assertFalse(scope.keeps(candidate), candidate);
    }
  }

  @Test
  void changeDataIndexesAndUnderscorePartitionsAreVacuumed() {
    VacuumScope scope = scope(List.of("_p", "q"), Map.of());
    for (String candidate : List.of("_change_data/cdc-0.parquet", "_change_data/q=1/cdc-0.parquet",
        "_delta_index/part-0.idx", "_p=1/part-0.parquet", "_p=1/q=2/part-0.parquet")) {
      assertFalse(scope.keeps(candidate), candidate);
    }
    assertTrue(scope.keeps("_p/part-0.parquet"), "only <column>= is a partition directory");
    assertTrue(scope.keeps("_pp=1/part-0.parquet"));
  }

  @Test
  void theLogIsKeptEvenWhenAPartitionColumnIsCalledLikeIt() {
    assertTrue(scope(List.of("_delta_log"), Map.of()).keeps("_delta_log/00000000000000000000.json"));
  }

  @Test
  void uniformIcebergMetadataIsKept() {
    String key = "delta.universalFormat.enabledFormats";
    assertTrue(scope(List.of(), Map.of(key, "hudi, Iceberg")).keeps("metadata/v1.metadata.json"));
    assertFalse(scope(List.of(), Map.of(key, "hudi")).keeps("metadata/v1.metadata.json"));
    assertFalse(scope(List.of(), Map.of(key, "iceberg")).keeps("date=1/metadata/x.parquet"), "top level only");
  }
}
