package io.delta4j.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DataTypeTest {

  @ParameterizedTest
  @CsvSource({
    "BOOLEAN, boolean", "BYTE, byte", "SHORT, short", "INTEGER, integer", "LONG, long",
    "FLOAT, float", "DOUBLE, double", "STRING, string", "BINARY, binary", "DATE, date",
    "TIMESTAMP, timestamp", "TIMESTAMP_NTZ, timestamp_ntz", "VARIANT, variant", "VOID, void"
  })
  void primitiveTypeNamesAreTheSchemaJsonNames(PrimitiveType type, String name) {
    assertEquals(name, type.typeName());
    assertEquals(Optional.of(type), PrimitiveType.fromTypeName(name));
  }

  @EnumSource(PrimitiveType.class)
  @ParameterizedTest
  void simpleStringIsTheTypeNameExceptInt(PrimitiveType type) {
    String expected = type == PrimitiveType.INTEGER ? "int" : type.typeName();
    assertEquals(expected, type.simpleString());
  }

  @Test
  void fromTypeNameIsExactAndCaseSensitive() {
    assertEquals(Optional.empty(), PrimitiveType.fromTypeName("Integer"));
    assertEquals(Optional.empty(), PrimitiveType.fromTypeName("int"));
    assertEquals(Optional.empty(), PrimitiveType.fromTypeName("decimal(10,2)"));
  }

  @Test
  void decimalNameAndBounds() {
    assertEquals("decimal(10,2)", new DecimalType(10, 2).typeName());
    assertEquals("decimal(10,2)", new DecimalType(10, 2).simpleString());
    assertEquals(new DecimalType(10, 0), DecimalType.USER_DEFAULT);
    new DecimalType(1, 0);
    new DecimalType(38, 38);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, 'Invalid decimal(0,0): precision must be between 1 and 38.'",
    "39, 2, 'Invalid decimal(39,2): precision must be between 1 and 38.'",
    "10, 11, 'Invalid decimal(10,11): scale must be between 0 and the precision.'",
    "10, -1, 'Invalid decimal(10,-1): scale must be between 0 and the precision.'"
  })
  void invalidDecimalsAreRejected(int precision, int scale, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new DecimalType(precision, scale));
    assertEquals(message, e.getMessage());
  }

  @Test
  void nestedSimpleStrings() {
    StructType schema =
        StructType.of(
            new StructField("id", PrimitiveType.LONG, false),
            new StructField("name", PrimitiveType.STRING, true),
            new StructField("tags", new ArrayType(PrimitiveType.STRING, true), true),
            new StructField("m", new MapType(PrimitiveType.STRING, PrimitiveType.INTEGER, true), true),
            new StructField("price", new DecimalType(10, 2), true),
            new StructField("s", StructType.of(new StructField("x", PrimitiveType.DATE, true)), true));
    assertEquals(
        "struct<id:long,name:string,tags:array<string>,m:map<string,int>,price:decimal(10,2),s:struct<x:date>>",
        schema.simpleString());
    assertEquals("struct<>", new StructType(List.of()).simpleString());
  }

  @Test
  void typesAreValuesWithStructuralEquality() {
    assertEquals(new ArrayType(PrimitiveType.INTEGER, true), new ArrayType(PrimitiveType.INTEGER, true));
    assertNotEquals(new ArrayType(PrimitiveType.INTEGER, true), new ArrayType(PrimitiveType.INTEGER, false));
    assertEquals(
        new MapType(PrimitiveType.STRING, new DecimalType(5, 1), false),
        new MapType(PrimitiveType.STRING, new DecimalType(5, 1), false));
    assertNotEquals(new DecimalType(5, 1), new DecimalType(5, 2));
    StructType a = StructType.of(new StructField("a", PrimitiveType.LONG, true));
    StructType b = StructType.of(new StructField("a", PrimitiveType.LONG, true));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, StructType.of(new StructField("a", PrimitiveType.LONG, false)));
  }

  @Test
  void complexTypesRejectNullChildren() {
    assertThrows(NullPointerException.class, () -> new ArrayType(null, true));
    assertThrows(NullPointerException.class, () -> new MapType(PrimitiveType.STRING, null, true));
    assertThrows(NullPointerException.class, () -> new StructField("a", null, true));
  }
}
