package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.types.ArrayType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * List, map and struct layouts of Parquet's compatibility rules that no shared table has, and how
 * fields are matched: written here, read with a Delta schema.
 */
class LayoutsTest {
  @TempDir Path dir;

  private static StructField field(String name, io.delta4j.types.DataType type) {
    return new StructField(name, type, true);
  }

  @Test
  void bareRepeatedFieldIsAListOfRequiredElements() throws IOException {
    Path file = TestParquet.write(dir.resolve("f.parquet"), "message m { required int32 id; repeated int32 xs; }",
        g -> g.append("id", 0), g -> g.append("id", 1).append("xs", 1).append("xs", 2));
    List<Row> rows = TableRows.file(file,
        StructType.of(field("id", PrimitiveType.INTEGER), field("xs", new ArrayType(PrimitiveType.INTEGER, false))),
        ColumnMappingMode.NONE);
    assertEquals(List.of(), rows.get(0).getList("xs"), "absent means empty, not null");
    assertEquals(List.of(1, 2), rows.get(1).getList("xs"));
  }

  @Test
  void twoLevelListsOfStructs() throws IOException {
    String parquet = "message m { optional group a (LIST) { repeated group array { optional int32 x; } }"
        + " optional group b (LIST) { repeated group b_tuple { required int32 x; } }"
        + " optional group c (LIST) { repeated group list { optional int32 y; } } }";
    Path file = TestParquet.write(dir.resolve("f.parquet"), parquet, g -> {
      g.addGroup("a").addGroup("array").append("x", 1);
      g.addGroup("b").addGroup("b_tuple").append("x", 2);
      g.addGroup("c").addGroup("list").append("y", 3);
    });
    StructType x = StructType.of(field("x", PrimitiveType.INTEGER));
    StructType y = StructType.of(field("y", PrimitiveType.INTEGER));
    Row r = TableRows.file(file, StructType.of(field("a", new ArrayType(x, true)), field("b", new ArrayType(x, true)),
        field("c", new ArrayType(y, true))), ColumnMappingMode.NONE).get(0);
    assertEquals(List.of(List.of(1)), Plain.value(r.getList("a")), "repeated group named array is the element");
    assertEquals(List.of(List.of(2)), Plain.value(r.getList("b")), "<list>_tuple is the element");
    assertEquals(List.of(List.of(3)), Plain.value(r.getList("c")), "a one-field group matching the struct is the element");
  }

  /** array<struct<element:int>> in three levels must not be taken for two levels. */
  @Test
  void threeLevelListOfAStructWithAFieldNamedElement() throws IOException {
    String parquet = "message m { optional group a (LIST) { repeated group list { optional group element { optional int32 element; } } } }";
    Path file = TestParquet.write(dir.resolve("f.parquet"), parquet,
        g -> g.addGroup("a").addGroup("list").addGroup("element").append("element", 7));
    StructType element = StructType.of(field("element", PrimitiveType.INTEGER));
    Row r = TableRows.file(file, StructType.of(field("a", new ArrayType(element, true))), ColumnMappingMode.NONE).get(0);
    assertEquals(List.of(List.of(7)), Plain.value(r.getList("a")));
  }

  @Test
  void legacyMapsAndNullValues() throws IOException {
    String parquet = "message m { optional group m1 (MAP) { repeated group map (MAP_KEY_VALUE) { required binary key (UTF8);"
        + " optional int32 value; } } optional group m2 { repeated group entries { required int32 k; optional binary v (UTF8); } } }";
    Path file = TestParquet.write(dir.resolve("f.parquet"), parquet, g -> {
      g.addGroup("m1").addGroup("map").append("key", "a").append("value", 1);
      g.getGroup("m1", 0).addGroup("map").append("key", "b");
      g.addGroup("m2").addGroup("entries").append("k", 5).append("v", "five");
    }, g -> g.addGroup("m1"));
    List<Row> rows = TableRows.file(file, StructType.of(
        field("m1", new MapType(PrimitiveType.STRING, PrimitiveType.INTEGER, true)),
        field("m2", new MapType(PrimitiveType.INTEGER, PrimitiveType.STRING, true))), ColumnMappingMode.NONE);
    java.util.Map<Object, Object> m1 = new java.util.LinkedHashMap<>();
    m1.put("a", 1);
    m1.put("b", null);
    assertEquals(m1, rows.get(0).getMap("m1"));
    assertEquals(Map.of(5, "five"), rows.get(0).getMap("m2"));
    assertEquals(Map.of(), rows.get(1).getMap("m1"), "an empty map");
    assertNull(rows.get(1).getMap("m2"), "a null map");
  }

  @Test
  void nullStructStructOfNullsAndAPresenceProbe() throws IOException {
    String parquet = "message m { required int32 id; optional group s { optional int32 a; optional group t { optional int32 b; } } }";
    Path file = TestParquet.write(dir.resolve("f.parquet"), parquet,
        g -> g.append("id", 0),
        g -> g.append("id", 1).addGroup("s"),
        g -> g.append("id", 2).addGroup("s").addGroup("t"),
        g -> {
          g.append("id", 3).addGroup("s").append("a", 1);
          g.getGroup("s", 0).addGroup("t").append("b", 2);
        });
    StructType t = StructType.of(field("b", PrimitiveType.INTEGER));
    List<Row> full = TableRows.file(file, StructType.of(field("id", PrimitiveType.INTEGER),
        field("s", StructType.of(field("a", PrimitiveType.INTEGER), field("t", t)))), ColumnMappingMode.NONE);
    assertEquals(Arrays.asList(0, null), Plain.row(full.get(0)));
    assertEquals(Arrays.asList(1, Arrays.asList(null, null)), Plain.row(full.get(1)));
    assertEquals(Arrays.asList(2, Arrays.asList(null, Arrays.asList((Object) null))), Plain.row(full.get(2)));
    assertEquals(Arrays.asList(3, Arrays.asList(1, List.of(2))), Plain.row(full.get(3)));

    // Only a field the file lacks: the struct's own nulls still come from the file.
    List<Row> probed = TableRows.file(file, StructType.of(field("s", StructType.of(field("added", PrimitiveType.STRING)))),
        ColumnMappingMode.NONE);
    assertTrue(probed.get(0).isNullAt("s"));
    for (int i = 1; i < 4; i++) {
      assertFalse(probed.get(i).isNullAt("s"), "row " + i);
      assertNull(probed.get(i).getStruct("s").get("added"));
    }
  }

  @Test
  void namesMatchIgnoringCaseAndVoidColumnsAreNull() throws IOException {
    Path file = TestParquet.write(dir.resolve("f.parquet"), "message m { required int64 ID; required int64 Exact; required int64 exact; }",
        g -> g.append("ID", 1L).append("Exact", 2L).append("exact", 3L));
    Row r = TableRows.file(file, StructType.of(field("id", PrimitiveType.LONG), field("exact", PrimitiveType.LONG),
        field("nothing", PrimitiveType.VOID)), ColumnMappingMode.NONE).get(0);
    assertEquals(1L, r.getLong("id"));
    assertEquals(3L, r.getLong("exact"), "an exact match wins over a case-insensitive one");
    assertNull(r.get("nothing"));
  }

  /** Column mapping: physical names (name mode) or field ids (id mode), nested fields included. */
  @Test
  void physicalNamesAndFieldIdsAtEveryLevel() throws IOException {
    String parquet = "message m { optional int32 col_a = 1; optional group col_s = 2 { optional binary col_x (UTF8) = 3; }"
        + " optional group col_l (LIST) = 4 { repeated group list { optional group element { optional int64 col_y = 5; } } } }";
    Path file = TestParquet.write(dir.resolve("f.parquet"), parquet, g -> {
      g.append("col_a", 1).addGroup("col_s").append("col_x", "x");
      g.addGroup("col_l").addGroup("list").addGroup("element").append("col_y", 9L);
    });
    StructType schema = StructType.of(
        mapped("a", PrimitiveType.INTEGER, "col_a", 1),
        mapped("s", StructType.of(mapped("x", PrimitiveType.STRING, "col_x", 3)), "col_s", 2),
        mapped("l", new ArrayType(StructType.of(mapped("y", PrimitiveType.LONG, "col_y", 5)), true), "col_l", 4),
        mapped("added", PrimitiveType.STRING, "col_added", 6));
    List<Object> expected = Arrays.asList(1, List.of("x"), List.of(List.of(9L)), null);
    assertEquals(expected, Plain.row(TableRows.file(file, schema, ColumnMappingMode.NAME).get(0)));
    assertEquals(expected, Plain.row(TableRows.file(file, schema, ColumnMappingMode.ID).get(0)));

    // Ids win over names in id mode: a field renamed in the file by physical name is still found.
    StructType byId = StructType.of(mapped("a", PrimitiveType.INTEGER, "stale_name", 1));
    assertEquals(List.of(1), Plain.row(TableRows.file(file, byId, ColumnMappingMode.ID).get(0)));
    assertEquals(Arrays.asList((Object) null), Plain.row(TableRows.file(file, byId, ColumnMappingMode.NAME).get(0)));
  }

  private static StructField mapped(String name, io.delta4j.types.DataType type, String physical, long id) {
    return new StructField(name, type, true, Map.of(StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, physical,
        StructField.COLUMN_MAPPING_ID_KEY, id));
  }
}
