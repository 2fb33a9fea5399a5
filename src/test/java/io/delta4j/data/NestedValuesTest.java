package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values of the delta-golden data-reader tables, written out by hand from golden-catalog.md and the
 * generator's recipes, so that a reader bug cannot cancel itself out the way it could when the
 * expected files are read by the same reader ({@link GoldenExpectedTest}).
 */
class NestedValuesTest {
  private static List<Row> rowsBy(String table, String key) {
    List<Row> rows = new java.util.ArrayList<>(TableRows.golden(table).rows());
    rows.sort(Comparator.comparing((Row r) -> r.isNullAt(key) ? Integer.MIN_VALUE : r.getInt(key)));
    return rows;
  }

  @Test
  void primitivesThroughTheTypedGetters() {
    List<Row> rows = rowsBy("data-reader-primitives", "as_int");
    assertEquals(11, rows.size());
    Row nulls = rows.get(0);
    for (int c = 0; c < nulls.schema().length(); c++) {
      assertTrue(nulls.isNullAt(c), nulls.schema().fields().get(c).name());
    }
    assertThrows(IllegalStateException.class, () -> nulls.getInt("as_int"));
    assertNull(nulls.getString("as_string"));
    for (int i = 0; i < 10; i++) {
      Row r = rows.get(i + 1);
      assertEquals(i, r.getInt("as_int"));
      assertEquals(i, r.getLong("as_long"));
      assertEquals((byte) i, r.getByte("as_byte"));
      assertEquals((short) i, r.getShort("as_short"));
      assertEquals(i % 2 == 0, r.getBoolean("as_boolean"));
      assertEquals(i, r.getFloat("as_float"));
      assertEquals(i, r.getDouble("as_double"));
      assertEquals(Integer.toString(i), r.getString("as_string"));
      assertArrayEquals(new byte[] {(byte) i, (byte) i}, r.getBinary("as_binary"));
      assertEquals(new BigDecimal(i), r.getDecimal("as_big_decimal"));
      assertEquals(Byte.valueOf((byte) i), r.get("as_byte"));
      assertEquals(Short.valueOf((short) i), r.get("as_short"));
    }
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> rows.get(1).getString("as_big_decimal"));
    assertEquals("Field \"as_big_decimal\" has type decimal(1,0), which cannot be read as string.", wrong.getMessage());
  }

  @Test
  void arraysOfEveryPrimitive() {
    List<Row> rows = TableRows.golden("data-reader-array-primitives").rows();
    assertEquals(10, rows.size());
    for (Row r : rows) {
      int i = (Integer) r.getList("as_array_int").get(0);
      assertEquals(List.of(i), r.getList("as_array_int"));
      assertEquals(List.of((long) i), r.getList("as_array_long"));
      assertEquals(List.of((byte) i), r.getList("as_array_byte"));
      assertEquals(List.of((short) i), r.getList("as_array_short"));
      assertEquals(List.of(i % 2 == 0), r.getList("as_array_boolean"));
      assertEquals(List.of((float) i), r.getList("as_array_float"));
      assertEquals(List.of((double) i), r.getList("as_array_double"));
      assertEquals(List.of(Integer.toString(i)), r.getList("as_array_string"));
      assertArrayEquals(new byte[] {(byte) i, (byte) i}, (byte[]) r.getList("as_array_binary").get(0));
      assertEquals(List.of(new BigDecimal(i)), r.getList("as_array_big_decimal"));
    }
  }

  @Test
  void deepArraysListsOfMapsAndOfStructs() {
    List<Row> rows = rowsBy("data-reader-array-complex-objects", "i");
    assertEquals(10, rows.size());
    for (int i = 0; i < 10; i++) {
      Row r = rows.get(i);
      List<Object> three = List.of(i, i, i);
      List<Object> square = List.of(three, three);
      assertEquals(List.of(square, square), r.getList("3d_int_list"));
      assertEquals(List.of(List.of(square, square), List.of(square, square)), r.getList("4d_int_list"));
      assertEquals(List.of(Map.of(Integer.toString(i), (long) i), Map.of(Integer.toString(i), (long) i)),
          r.getList("list_of_maps"));
      List<Object> records = r.getList("list_of_records");
      assertEquals(3, records.size());
      for (Object record : records) {
        assertEquals(i, ((Row) record).getInt("val"));
      }
    }
  }

  @Test
  void mapsOfEveryKeyType() {
    List<Row> rows = rowsBy("data-reader-map", "i");
    assertEquals(10, rows.size());
    for (int i = 0; i < 10; i++) {
      Row r = rows.get(i);
      assertEquals(Map.of(i, i), r.getMap("a"));
      assertEquals(Map.of((long) i, (byte) i), r.getMap("b"));
      assertEquals(Map.of((short) i, i % 2 == 0), r.getMap("c"));
      assertEquals(Map.of((float) i, (double) i), r.getMap("d"));
      assertEquals(Map.of(Integer.toString(i), new BigDecimal(i)), r.getMap("e"));
      Map<Object, Object> f = r.getMap("f");
      assertEquals(1, f.size());
      List<?> structs = (List<?>) f.get(i);
      assertEquals(3, structs.size());
      assertEquals(i, ((Row) structs.get(2)).getInt("val"));
    }
  }

  @Test
  void nestedStructs() {
    List<Row> rows = rowsBy("data-reader-nested-struct", "b");
    assertEquals(10, rows.size());
    for (int i = 0; i < 10; i++) {
      Row a = rows.get(i).getStruct("a");
      assertEquals(Integer.toString(i), a.getString("aa"));
      assertEquals(Integer.toString(i), a.getString("ab"));
      assertEquals(i, a.getStruct("ac").getInt("aca"));
      assertEquals(i, a.getStruct("ac").getLong("acb"));
      assertEquals(i, rows.get(i).getInt("b"));
      assertFalse(rows.get(i).isNullAt("a"));
    }
  }
}
