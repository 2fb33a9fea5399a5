package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.types.ArrayType;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.DataType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which columns {@code stats_parsed} and {@code partitionValues_parsed} have, and of which types. */
class StatsSchemaTest {
  static final StructType SCHEMA = new StructType(List.of(
      new StructField("a", PrimitiveType.INTEGER, true),
      new StructField("s", new StructType(List.of(
          new StructField("b", PrimitiveType.STRING, true),
          new StructField("c", PrimitiveType.BOOLEAN, true))), true),
      new StructField("gone", PrimitiveType.VOID, true),
      new StructField("arr", new ArrayType(PrimitiveType.LONG, true), true),
      new StructField("d", PrimitiveType.LONG, true),
      new StructField("part", PrimitiveType.DATE, true)));

  private static StructType stats(int numIndexedCols, List<List<String>> statsColumns, boolean tightBounds) {
    return ParsedAddColumns.of(SCHEMA, List.of("PART"), ColumnMappingMode.NONE, numIndexedCols, statsColumns,
        tightBounds).statsParsedType();
  }

  @Test
  void theFirstLeavesAreIndexed() {
    assertEquals("struct<numRecords:long,minValues:struct<a:int,s:struct<b:string>,d:long>,"
            + "maxValues:struct<a:int,s:struct<b:string>,d:long>,"
            + "nullCount:struct<a:long,s:struct<b:long,c:long>,arr:long,d:long>>",
        stats(32, List.of(), false).simpleString(), "void is no leaf, an array is one, the partition column none");
    assertEquals("struct<numRecords:long,minValues:struct<a:int,s:struct<b:string>>,"
            + "maxValues:struct<a:int,s:struct<b:string>>,nullCount:struct<a:long,s:struct<b:long,c:long>>>",
        stats(3, List.of(), false).simpleString());
    assertEquals("struct<numRecords:long,minValues:struct<a:int,s:struct<b:string>,d:long>,"
            + "maxValues:struct<a:int,s:struct<b:string>,d:long>,"
            + "nullCount:struct<a:long,s:struct<b:long,c:long>,arr:long,d:long>,tightBounds:boolean>",
        stats(-1, List.of(), true).simpleString(), "tightBounds last");
    assertEquals("struct<numRecords:long>", stats(0, List.of(), false).simpleString());
  }

  @Test
  void statsColumnsChooseByLogicalNameIgnoringCase() {
    assertEquals("struct<numRecords:long,minValues:struct<s:struct<b:string>,d:long>,"
            + "maxValues:struct<s:struct<b:string>,d:long>,nullCount:struct<s:struct<b:long,c:long>,d:long>>",
        stats(1, List.of(List.of("D"), List.of("s")), false).simpleString());
    assertEquals("struct<numRecords:long,nullCount:struct<s:struct<c:long>>>",
        stats(32, List.of(List.of("s", "c")), false).simpleString(), "a boolean has no min or max");
  }

  @Test
  void columnMappingUsesPhysicalNames() {
    StructType mapped = new StructType(List.of(
        field("a", PrimitiveType.INTEGER, "col-a"),
        field("s", new StructType(List.of(field("b", PrimitiveType.STRING, "col-b"))), "col-s"),
        field("p", PrimitiveType.INTEGER, "col-p")));
    ParsedAddColumns columns = ParsedAddColumns.of(mapped, List.of("p"), ColumnMappingMode.NAME, 32, List.of(), false);
    assertEquals("struct<numRecords:long,minValues:struct<col-a:int,col-s:struct<col-b:string>>,"
            + "maxValues:struct<col-a:int,col-s:struct<col-b:string>>,"
            + "nullCount:struct<col-a:long,col-s:struct<col-b:long>>>",
        columns.statsParsedType().simpleString());
    assertEquals(Optional.of("struct<col-p:int>"), columns.partitionValuesParsedType().map(StructType::simpleString));
    assertEquals(Optional.empty(), ParsedAddColumns.of(mapped, List.of(), ColumnMappingMode.NAME, 32, List.of(), false)
        .partitionValuesParsedType());
  }

  private static StructField field(String name, DataType type, String physical) {
    return new StructField(name, type, true, Map.of("delta.columnMapping.physicalName", physical));
  }
}
