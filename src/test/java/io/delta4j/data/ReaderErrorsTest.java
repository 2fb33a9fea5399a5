package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaException;
import io.delta4j.StorageException;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures name the table and the file, then say what is wrong with it. */
class ReaderErrorsTest {
  @TempDir Path dir;

  private static final StructType ID = StructType.of(new StructField("id", PrimitiveType.LONG, true,
      Map.of(StructField.COLUMN_MAPPING_ID_KEY, 1L, StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, "col-1")));

  @Test
  void missingFile() {
    StorageException e = assertThrows(StorageException.class,
        () -> TableRows.file(dir.resolve("gone.parquet"), ID, ColumnMappingMode.NONE));
    assertEquals("test: Cannot read data file gone.parquet: the file does not exist; it may have been removed (by VACUUM)"
        + " after this snapshot was loaded, or the table is incomplete.", e.getMessage());
    assertInstanceOf(NoSuchFileException.class, e.getCause());
  }

  @Test
  void notParquet() throws IOException {
    Path file = Files.writeString(dir.resolve("junk.parquet"), "this is not a parquet file at all");
    DeltaException e = assertThrows(DeltaException.class, () -> TableRows.file(file, ID, ColumnMappingMode.NONE));
    assertTrue(e.getMessage().startsWith("test: Cannot read data file junk.parquet: it is not a valid Parquet file ("),
        e.getMessage());
  }

  @Test
  void idModeNeedsFieldIds() throws IOException {
    Path file = TestParquet.write(dir.resolve("noids.parquet"), "message m { optional int64 id; }", g -> g.append("id", 1L));
    DeltaException e = assertThrows(DeltaException.class, () -> TableRows.file(file, ID, ColumnMappingMode.ID));
    assertEquals("test: Cannot read data file noids.parquet: the table uses column mapping mode id, but the file's"
        + " columns have no Parquet field ids.", e.getMessage());
  }

  @Test
  void nullMapKeyNamesTheRow() throws IOException {
    Path file = TestParquet.write(dir.resolve("nullkey.parquet"),
        "message m { optional group m (MAP) { repeated group key_value { optional int32 key; optional int32 value; } } }",
        g -> g.addGroup("m").addGroup("key_value").append("key", 1).append("value", 1),
        g -> g.addGroup("m").addGroup("key_value").append("value", 2));
    StructType schema = StructType.of(new StructField("m", new MapType(PrimitiveType.INTEGER, PrimitiveType.INTEGER, true), true));
    DeltaException e = assertThrows(DeltaException.class, () -> TableRows.file(file, schema, ColumnMappingMode.NONE));
    assertEquals("test: Cannot read data file nullkey.parquet: map column m has a null key (row 1).", e.getMessage());
  }

  @Test
  void aListWhereTheTableHasAScalar() throws IOException {
    Path file = TestParquet.write(dir.resolve("list.parquet"), "message m { repeated int64 id; }", g -> g.append("id", 1L));
    DeltaException e = assertThrows(DeltaException.class, () -> TableRows.file(file, ID, ColumnMappingMode.NONE));
    assertEquals("test: Cannot read data file list.parquet: column id has Parquet type 'repeated int64 id', which"
        + " cannot be read as the table's type long (the file has a list here).", e.getMessage());
  }

  @Test
  void unknownColumnMappingMode() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ColumnMappingMode.fromProperties(Map.of("delta.columnMapping.mode", "position")));
    assertEquals("Unknown delta.columnMapping.mode \"position\" (expected none, name or id).", e.getMessage());
    assertEquals(ColumnMappingMode.NONE, ColumnMappingMode.fromProperties(Map.of()));
    assertEquals(ColumnMappingMode.NAME, ColumnMappingMode.fromProperties(Map.of("delta.columnMapping.mode", "name")));
  }
}
