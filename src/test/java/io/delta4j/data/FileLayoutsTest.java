package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.SharedTables;
import io.delta4j.storage.LocalStorage;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Single Parquet files of Delta Kernel's test resources (shared/golden/kernel/parquet). */
class FileLayoutsTest {
  /** row_index_multiple_row_groups.parquet: ids 0..19999 in four row groups, written in order. */
  @Test
  void rowIndexCountsAcrossRowGroups() {
    Path file = SharedTables.file("golden/kernel/parquet/row_index_multiple_row_groups.parquet");
    StructType schema = StructType.of(new StructField("id", PrimitiveType.LONG, false));
    long rows = 0;
    int batches = 0;
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.toUri(), OptionalLong.empty(),
        schema, ColumnMappingMode.NONE, "test", "row_index_multiple_row_groups.parquet")) {
      assertEquals(20_000, reader.rowCount());
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        batches++;
        assertTrue(batch.size() <= ParquetRowReader.BATCH_SIZE);
        for (int i = 0; i < batch.size(); i++) {
          assertEquals(batch.row(i).getLong("id"), batch.rowIndex(i));
          rows++;
        }
      }
    }
    assertEquals(20_000, rows);
    assertEquals(2 + 2 + 2 + 1, batches, "row groups of 6399, 6399, 6399 and 803 rows, in batches of 4096");
  }

  /**
   * parquet-thrift-compat.snappy.parquet: parquet-thrift's layouts ({@code _tuple} two-level lists,
   * {@code MAP_KEY_VALUE} maps, a list of structs inside a map), an ENUM read as a string and a
   * STRING read as binary. Row i, as Parquet's own example reader prints it: byte i, short i + 1,
   * int i + 2, long 10 i, double i + 0.2, strings "val_i", nullable copies null when i % 3 == 0,
   * lists of three from i, maps of three keys from i.
   */
  @Test
  void parquetThriftLayouts() {
    Path file = SharedTables.file("golden/kernel/parquet/parquet-thrift-compat.snappy.parquet");
    List<StructField> fields = new ArrayList<>();
    for (String prefix : List.of("", "maybe")) {
      fields.add(field(prefix, "boolColumn", PrimitiveType.BOOLEAN));
      fields.add(field(prefix, "byteColumn", PrimitiveType.BYTE));
      fields.add(field(prefix, "shortColumn", PrimitiveType.SHORT));
      fields.add(field(prefix, "intColumn", PrimitiveType.INTEGER));
      fields.add(field(prefix, "longColumn", PrimitiveType.LONG));
      fields.add(field(prefix, "doubleColumn", PrimitiveType.DOUBLE));
      fields.add(field(prefix, "binaryColumn", PrimitiveType.BINARY));
      fields.add(field(prefix, "stringColumn", PrimitiveType.STRING));
      fields.add(field(prefix, "enumColumn", PrimitiveType.STRING));
    }
    StructType nested = StructType.of(
        new StructField("nestedIntsColumn", new ArrayType(PrimitiveType.INTEGER, false), false),
        new StructField("nestedStringColumn", PrimitiveType.STRING, false));
    fields.add(new StructField("stringsColumn", new ArrayType(PrimitiveType.STRING, false), false));
    fields.add(new StructField("intSetColumn", new ArrayType(PrimitiveType.INTEGER, false), false));
    fields.add(new StructField("intToStringColumn", new MapType(PrimitiveType.INTEGER, PrimitiveType.STRING, true), false));
    fields.add(new StructField("complexColumn",
        new MapType(PrimitiveType.INTEGER, new ArrayType(nested, false), true), false));

    List<Row> rows = TableRows.file(file, new StructType(fields), ColumnMappingMode.NONE);
    assertEquals(10, rows.size());
    String[] suits = {"SPADES", "HEARTS", "DIAMONDS", "CLUBS"};
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      for (String prefix : List.of("", "maybe")) {
        if (!prefix.isEmpty() && i % 3 == 0) {
          assertTrue(r.isNullAt("maybeBoolColumn") && r.isNullAt("maybeEnumColumn") && r.isNullAt("maybeLongColumn"));
          continue;
        }
        assertEquals(i % 2 == 0, r.getBoolean(name(prefix, "boolColumn")));
        assertEquals(i, r.getByte(name(prefix, "byteColumn")));
        assertEquals(i + 1, r.getShort(name(prefix, "shortColumn")));
        assertEquals(i + 2, r.getInt(name(prefix, "intColumn")));
        assertEquals(10L * i, r.getLong(name(prefix, "longColumn")));
        assertEquals(i + 0.2, r.getDouble(name(prefix, "doubleColumn")));
        assertArrayEquals(("val_" + i).getBytes(StandardCharsets.UTF_8), r.getBinary(name(prefix, "binaryColumn")));
        assertEquals("val_" + i, r.getString(name(prefix, "stringColumn")));
        assertEquals(suits[i % 4], r.getString(name(prefix, "enumColumn")));
      }
      assertEquals(List.of("arr_" + i, "arr_" + (i + 1), "arr_" + (i + 2)), r.getList("stringsColumn"));
      assertEquals(List.of(i), r.getList("intSetColumn"));
      Map<Object, Object> strings = new LinkedHashMap<>();
      for (int k = i; k < i + 3; k++) {
        strings.put(k, "val_" + k);
      }
      assertEquals(strings, r.getMap("intToStringColumn"));
      Map<Object, Object> complex = r.getMap("complexColumn");
      assertEquals(List.of(i, i + 1, i + 2), new ArrayList<>(complex.keySet()));
      for (Object value : complex.values()) {
        List<?> structs = (List<?>) value;
        assertEquals(3, structs.size());
        for (int m = 0; m < 3; m++) {
          Row s = (Row) structs.get(m);
          assertEquals(List.of(i + m, i + m + 1, i + m + 2), s.getList("nestedIntsColumn"));
          assertEquals("val_" + (i + m), s.getString("nestedStringColumn"));
        }
      }
    }
  }

  /** Columns the file lacks read as null: a primitive, a whole struct, and a field of a struct it has. */
  @Test
  void missingColumnsReadAsNull() {
    Path dir = SharedTables.root().resolve("golden/delta-golden/parquet-all-types");
    Path file = TableRows.parquetFiles(dir).get(0);
    StructType schema = StructType.of(
        new StructField("BooleanType", PrimitiveType.BOOLEAN, true),
        new StructField("IntegerType", PrimitiveType.INTEGER, true),
        new StructField("missing_column_struct", StructType.of(new StructField("ab", PrimitiveType.INTEGER, true)), true),
        new StructField("LongType", PrimitiveType.LONG, true),
        new StructField("missing_column_primitive", PrimitiveType.DATE, true),
        new StructField("nested_struct", StructType.of(
            new StructField("aa", PrimitiveType.STRING, true),
            new StructField("missing_field", PrimitiveType.STRING, true),
            new StructField("ac", StructType.of(new StructField("aca", PrimitiveType.INTEGER, true)), true)), true));
    List<Row> rows = TableRows.file(file, schema, ColumnMappingMode.NONE);
    List<Row> all = TableRows.golden("parquet-all-types").rows();
    assertEquals(200, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Row full = all.get(i);
      assertNull(r.get("missing_column_struct"));
      assertNull(r.get("missing_column_primitive"));
      assertEquals(full.get("IntegerType"), r.get("IntegerType"));
      assertEquals(full.get("LongType"), r.get("LongType"));
      assertEquals(full.isNullAt("nested_struct"), r.isNullAt("nested_struct"));
      if (!r.isNullAt("nested_struct")) {
        Row n = r.getStruct("nested_struct");
        assertNull(n.get("missing_field"));
        assertEquals(full.getStruct("nested_struct").get("aa"), n.get("aa"));
        assertEquals(Plain.value(full.getStruct("nested_struct").get("ac")), Plain.value(n.get("ac")));
      }
    }
  }

  private static StructField field(String prefix, String name, DataType type) {
    return new StructField(name(prefix, name), type, !prefix.isEmpty());
  }

  private static String name(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
