package io.delta4j.write;

import static io.delta4j.write.TransactionTest.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.CorruptLogException;
import io.delta4j.WriteOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteLayoutTest {
  @Test
  void readsTheTablesWriteProperties() {
    WriteLayout layout = WriteLayout.of("t", 3, SCHEMA, List.of("date"),
        Map.of("delta.targetFileSize", "1000", "delta.dataSkippingNumIndexedCols", "1",
            "delta.parquet.compression.codec", "zstd"), WriteOptions.defaults());
    assertEquals(1000, layout.targetFileSize());
    assertEquals(1, layout.parquet().numIndexedCols());
    assertEquals("ZSTD", layout.parquet().compression().name());
    assertEquals(List.of("id", "name"), layout.dataSchema().fieldNames());
  }

  @Test
  void badPropertiesNameTableVersionAndProperty() {
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> WriteLayout.of("t", 3, SCHEMA, List.of(),
        Map.of("delta.targetFileSize", "abc"), WriteOptions.defaults()));
    assertEquals("t: Cannot use the table property delta.targetFileSize=\"abc\" of version 3: it must be a whole"
        + " number of at least 1.", e.getMessage());
    CorruptLogException codec = assertThrows(CorruptLogException.class, () -> WriteLayout.of("t", 3, SCHEMA,
        List.of(), Map.of("delta.parquet.compression.codec", "lz4"), WriteOptions.defaults()));
    assertEquals("t: Cannot use the table property delta.parquet.compression.codec=\"lz4\" of version 3: delta4j"
        + " writes only snappy or zstd.", codec.getMessage());
    assertThrows(CorruptLogException.class, () -> WriteLayout.of("t", 3, SCHEMA, List.of("nope"), Map.of(),
        WriteOptions.defaults()));
  }
}
