package io.delta4j.data;

import io.delta4j.ListRow;
import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The 22 columns of delta-golden table-with-columnmapping-mode-name and -id, found by physical
 * name or by field id at every nesting level: 5 rows i = 0..4 plus one all-null row, with
 * TimestampType = i ms and DateType = 2021-11-18 (golden-catalog.md).
 */
class ColumnMappingValuesTest {
  @Test
  void everyColumnInBothModes() {
    for (String table : List.of("table-with-columnmapping-mode-name", "table-with-columnmapping-mode-id")) {
      TableRows.Read read = TableRows.golden(table);
      assertEquals(22, read.schema().length());
      assertEquals(6, read.rows().size());
      int nullRows = 0;
      for (Row r : read.rows()) {
        if (r.isNullAt("ByteType")) {
          nullRows++;
          for (int c = 0; c < r.schema().length(); c++) {
            assertTrue(r.isNullAt(c), table + " " + r.schema().fields().get(c).name());
          }
          continue;
        }
        int i = r.getByte("ByteType");
        assertEquals(i, r.getShort("ShortType"));
        assertEquals(i, r.getInt("IntegerType"));
        assertEquals(i, r.getLong("LongType"));
        assertEquals(new BigDecimal(i).setScale(2), r.getDecimal("decimal"));
        assertEquals(Integer.toString(i), r.getString("StringType"));
        assertArrayEquals(Integer.toString(i).getBytes(StandardCharsets.UTF_8), r.getBinary("BinaryType"));
        assertEquals(LocalDate.of(2021, 11, 18), r.getDate("DateType"));
        assertEquals(i * 1000L, TimestampValuesTest.micros(r.getTimestamp("TimestampType")));
        assertEquals(Integer.toString(i), r.getStruct("nested_struct").getString("aa"));
        assertEquals(i, r.getStruct("nested_struct").getStruct("ac").getInt("aca"));
        assertFalse(r.isNullAt("struct_of_arrays_maps_of_structs"));
      }
      assertEquals(1, nullRows, table);
    }
  }

  /** Kernel's subset read: some columns, and a nested struct pruned to one of its fields. */
  @Test
  void subsetOfColumnsAndPrunedStruct() {
    for (String table : List.of("table-with-columnmapping-mode-name", "table-with-columnmapping-mode-id")) {
      TableRows.Read full = TableRows.golden(table);
      StructType schema = full.schema();
      StructField nested = schema.field("nested_struct").orElseThrow();
      StructType nestedType = (StructType) nested.type();
      StructField pruned = new StructField(nested.name(),
          StructType.of(nestedType.field("ac").orElseThrow()), nested.nullable(), nested.metadata());
      StructType subset = StructType.of(schema.field("map_of_prims").orElseThrow(), pruned,
          schema.field("ByteType").orElseThrow(), schema.field("decimal").orElseThrow(),
          schema.field("array_of_prims").orElseThrow());
      ColumnMappingMode mode = table.endsWith("-id") ? ColumnMappingMode.ID : ColumnMappingMode.NAME;

      List<List<Object>> expected = new ArrayList<>();
      for (Row r : full.rows()) {
        Row n = r.getStruct("nested_struct");
        expected.add(Plain.row(new ListRow(subset, r.get("map_of_prims"),
            n == null ? null : new ListRow((StructType) pruned.type(), n.get("ac")),
            r.get("ByteType"), r.get("decimal"), r.get("array_of_prims"))));
      }
      List<List<Object>> actual = new ArrayList<>();
      Path dir = io.delta4j.SharedTables.root().resolve("golden/delta-golden").resolve(table);
      for (Path file : TableRows.parquetFiles(dir)) {
        for (Row r : TableRows.read(file.toUri(), OptionalLong.empty(), subset, mode, table, file.toString())) {
          actual.add(Plain.row(r));
        }
      }
      expected.sort(java.util.Comparator.comparing(String::valueOf));
      actual.sort(java.util.Comparator.comparing(String::valueOf));
      assertEquals(expected, actual, table);
    }
  }
}
