package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.SharedTables;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * delta-golden parquet-all-types and parquet-all-types-legacy-format hold the same 200 rows of
 * every type, nested ones included, in the standard and in Spark's legacy encodings (two-level
 * {@code bag}/{@code array} lists, {@code MAP_KEY_VALUE} maps, fixed-length decimals): read row by
 * row they must be equal, and not trivially (every column has values and nulls).
 */
class AllTypesTest {
  @Test
  void standardAndLegacyEncodingsGiveTheSameRows() {
    TableRows.Read standard = TableRows.golden("parquet-all-types");
    TableRows.Read legacy = TableRows.golden("parquet-all-types-legacy-format");
    assertEquals(standard.schema(), legacy.schema());
    assertEquals(200, standard.rows().size());
    assertEquals(200, legacy.rows().size());
    for (int i = 0; i < 200; i++) {
      assertEquals(Plain.row(standard.rows().get(i)), Plain.row(legacy.rows().get(i)), "row " + i);
    }
    // Not trivially: the primitive columns and the struct have values and nulls. (The array and
    // map columns are null in all 200 rows of these files, as Parquet's own example reader shows.)
    for (int c = 0; c <= standard.schema().indexOf("nested_struct"); c++) {
      String column = standard.schema().fields().get(c).name();
      int index = c;
      List<Row> rows = standard.rows();
      assertTrue(rows.stream().anyMatch(r -> r.isNullAt(index)), column + " has nulls");
      assertTrue(rows.stream().anyMatch(r -> !r.isNullAt(index)), column + " has values");
    }
  }

  /**
   * Nulls inside collections. delta-golden table-with-columnmapping-mode-name: row i has
   * map_of_arrays {i: [i, null, i + 1], i + 1: []} (a null element, an empty list). kernel-rs's copy
   * of table-with-columnmapping-mode-id: row i has array_of_structs [{ab: i}, null] (a null struct
   * element next to a present one).
   */
  @Test
  void nullsInsideListsAndMaps() {
    int checked = 0;
    for (Row r : TableRows.golden("table-with-columnmapping-mode-name").rows()) {
      if (r.isNullAt("IntegerType")) {
        assertTrue(r.isNullAt("map_of_arrays"));
        continue;
      }
      long i = r.getInt("IntegerType");
      Map<Object, Object> arrays = r.getMap("map_of_arrays");
      assertEquals(Arrays.asList((int) i, null, (int) i + 1), arrays.get(i));
      assertEquals(List.of(), arrays.get(i + 1));
      checked++;
    }
    assertEquals(5, checked);

    Path kernelRs = SharedTables.root().resolve("kernel-rs-data/golden_data/table-with-columnmapping-mode-id/delta");
    checked = 0;
    for (Row r : TableRows.table(kernelRs).rows()) {
      if (r.isNullAt("IntegerType")) {
        continue;
      }
      List<Object> structs = r.getList("array_of_structs");
      assertEquals(2, structs.size());
      assertEquals(r.getInt("IntegerType"), ((Row) structs.get(0)).getLong("ab"));
      assertNull(structs.get(1));
      checked++;
    }
    assertEquals(5, checked);
  }
}
