package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.AppendOnlyTableException;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AppendOnly}: delta.appendOnly refuses operations that remove data. */
class AppendOnlyTest {
  static Metadata metadata(Map<String, String> configuration) {
    return new Metadata("id", Optional.empty(), Optional.empty(), new Format("parquet", Map.of()),
        "{\"type\":\"struct\",\"fields\":[]}", List.of(), OptionalLong.empty(), configuration);
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", " true "})
  void appendOnlyTablesRefuseRemovingData(String value) {
    AppendOnlyTableException e = assertThrows(AppendOnlyTableException.class,
        () -> AppendOnly.check("/t", metadata(Map.of("delta.appendOnly", value)), "DELETE"));
    assertEquals("/t: Cannot DELETE: the table is append-only (delta.appendOnly=true), so commits may not remove or"
        + " change data. Set delta.appendOnly=false (or remove it) to allow DELETE.", e.getMessage());
    assertEquals("DELETE", e.operation());
  }

  @Test
  void otherTablesAllowIt() {
    assertDoesNotThrow(() -> AppendOnly.check("/t", metadata(Map.of()), "DELETE"));
    assertDoesNotThrow(() -> AppendOnly.check("/t", metadata(Map.of("delta.appendOnly", "false")), "OVERWRITE"));
  }

  @Test
  void anUnreadableValueIsNotGuessed() {
    UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class,
        () -> AppendOnly.check("/t", metadata(Map.of("delta.appendOnly", "maybe")), "OVERWRITE"));
    assertEquals("/t: Cannot OVERWRITE table: its property delta.appendOnly=maybe is neither true nor false, so"
        + " delta4j cannot tell whether the table is append-only.", e.getMessage());
  }
}
