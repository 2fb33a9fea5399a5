package io.delta4j.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaJsonTest {

  /** A schema with one field of the given type JSON, as Spark writes it. */
  private static String oneField(String typeJson) {
    return "{\"type\":\"struct\",\"fields\":[{\"name\":\"c\",\"type\":" + typeJson
        + ",\"nullable\":true,\"metadata\":{}}]}";
  }

  private static void assertRoundTrip(String json) {
    assertEquals(json, SchemaJson.toJson(SchemaJson.parse(json)));
  }

  private static String error(String json) {
    return assertThrows(IllegalArgumentException.class, () -> SchemaJson.parse(json)).getMessage();
  }

  @EnumSource(PrimitiveType.class)
  @ParameterizedTest
  void everyPrimitiveType(PrimitiveType type) {
    String json = oneField("\"" + type.typeName() + "\"");
    assertEquals(type, SchemaJson.parse(json).fields().get(0).type());
    assertRoundTrip(json);
  }

  @Test
  void protocolExampleSchema() {
    // PROTOCOL.md, "Schema Serialization Format" > "Example", in Spark's compact form.
    String json =
        "{\"type\":\"struct\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}},"
            + "{\"name\":\"b\",\"type\":{\"type\":\"struct\",\"fields\":["
            + "{\"name\":\"d\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}}]},"
            + "\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"c\",\"type\":{\"type\":\"array\",\"elementType\":\"integer\",\"containsNull\":false},"
            + "\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"e\",\"type\":{\"type\":\"array\",\"elementType\":{\"type\":\"struct\",\"fields\":["
            + "{\"name\":\"d\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}}]},\"containsNull\":true},"
            + "\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"f\",\"type\":{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"string\","
            + "\"valueContainsNull\":true},\"nullable\":true,\"metadata\":{}}]}";
    StructType d = StructType.of(new StructField("d", PrimitiveType.INTEGER, false));
    StructType expected =
        StructType.of(
            new StructField("a", PrimitiveType.INTEGER, false),
            new StructField("b", d, true),
            new StructField("c", new ArrayType(PrimitiveType.INTEGER, false), true),
            new StructField("e", new ArrayType(d, true), true),
            new StructField("f", new MapType(PrimitiveType.STRING, PrimitiveType.STRING, true), true));
    assertEquals(expected, SchemaJson.parse(json));
    assertEquals(json, SchemaJson.toJson(expected));
  }

  @Test
  void deepNesting() {
    DataType inner = new MapType(new DecimalType(38, 18), new ArrayType(PrimitiveType.TIMESTAMP_NTZ, false), true);
    DataType type = new ArrayType(new ArrayType(StructType.of(new StructField("m", inner, false)), true), false);
    StructType schema = StructType.of(new StructField("deep", type, true));
    String json = SchemaJson.toJson(schema);
    assertEquals(
        oneField("{\"type\":\"array\",\"elementType\":{\"type\":\"array\",\"elementType\":{\"type\":\"struct\","
                + "\"fields\":[{\"name\":\"m\",\"type\":{\"type\":\"map\",\"keyType\":\"decimal(38,18)\","
                + "\"valueType\":{\"type\":\"array\",\"elementType\":\"timestamp_ntz\",\"containsNull\":false},"
                + "\"valueContainsNull\":true},\"nullable\":false,\"metadata\":{}}]},\"containsNull\":true},"
                + "\"containsNull\":false}")
            .replace("\"name\":\"c\"", "\"name\":\"deep\""),
        json);
    assertEquals(schema, SchemaJson.parse(json));
  }

  @Test
  void metadataOfEveryJsonKindSurvivesInOrder() {
    String metadata =
        "{\"delta.columnMapping.id\":5,\"delta.columnMapping.physicalName\":\"col-a1\","
            + "\"str\":\"q\\\"uote\\\\ \\n tab\\t \\u0001 é 😈\",\"neg\":-3,\"big\":123456789012345678901234567890,"
            + "\"double\":1.5,\"exp\":1.0E-7,\"precise\":0.1000000000000000000001,\"t\":true,\"f\":false,"
            + "\"nil\":null,\"list\":[1,\"a\",[],{}],\"obj\":{\"nested\":{\"deeper\":[null]}},\"empty\":{}}";
    String json =
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"c\",\"type\":\"long\",\"nullable\":true,\"metadata\":"
            + metadata + "}]}";
    StructField field = SchemaJson.parse(json).fields().get(0);
    Map<String, Object> m = field.metadata();
    assertEquals(
        List.of("delta.columnMapping.id", "delta.columnMapping.physicalName", "str", "neg", "big", "double",
            "exp", "precise", "t", "f", "nil", "list", "obj", "empty"),
        List.copyOf(m.keySet()));
    assertEquals(5L, m.get("delta.columnMapping.id"));
    assertEquals("q\"uote\\ \n tab\t \u0001 é 😈", m.get("str"));
    assertEquals(-3L, m.get("neg"));
    assertEquals(new BigInteger("123456789012345678901234567890"), m.get("big"));
    assertEquals(1.5, m.get("double"));
    assertEquals(new BigDecimal("0.1000000000000000000001"), m.get("precise"));
    assertEquals(true, m.get("t"));
    assertEquals(null, m.get("nil"));
    assertEquals(Arrays.asList(1L, "a", List.of(), Map.of()), m.get("list"));
    assertEquals(Map.of("nested", Map.of("deeper", Arrays.asList((Object) null))), m.get("obj"));
    assertEquals("col-a1", field.physicalName());
    assertEquals(5L, field.columnMappingId().getAsLong());
    assertRoundTrip(json);
  }

  @Test
  void metadataBuiltInCodeIsWrittenInInsertionOrder() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("b", 1);
    metadata.put("a", List.of(true));
    StructType schema = StructType.of(new StructField("c", PrimitiveType.LONG, false, metadata));
    assertEquals(
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"c\",\"type\":\"long\",\"nullable\":false,"
            + "\"metadata\":{\"b\":1,\"a\":[true]}}]}",
        SchemaJson.toJson(schema));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "decimal(10,2)|10|2",
        "decimal(10, 4)|10|4",
        "decimal( 38 , 38 )|38|38",
        "decimal(1,0)|1|0",
        "decimal|10|0"
      })
  void decimalForms(String name, int precision, int scale) {
    DataType type = SchemaJson.parse(oneField("\"" + name + "\"")).fields().get(0).type();
    assertEquals(new DecimalType(precision, scale), type);
    // Written back in Spark's form, without spaces.
    assertEquals("\"decimal(" + precision + "," + scale + ")\"", SchemaJson.toJson(type));
  }

  @Test
  void sparkAliasesAreRead() {
    assertEquals(PrimitiveType.VOID, SchemaJson.parseDataType("\"null\""));
    assertEquals(PrimitiveType.TIMESTAMP, SchemaJson.parseDataType("\"timestamp_ltz\""));
  }

  @Test
  void keysInAnyOrderAndUnknownKeysAreSkipped() {
    String json =
        "{\"fields\":[{\"metadata\":{\"k\":1},\"nullable\":false,\"comment\":{\"x\":[1]},\"name\":\"m\","
            + "\"type\":{\"valueContainsNull\":false,\"valueType\":{\"containsNull\":true,\"type\":\"array\","
            + "\"elementType\":\"byte\"},\"keyType\":\"string\",\"type\":\"map\",\"extra\":null}}],"
            + "\"type\":\"struct\",\"x-writer\":\"custom\"}";
    StructType schema = SchemaJson.parse(json);
    StructType expected =
        StructType.of(
            new StructField(
                "m",
                new MapType(PrimitiveType.STRING, new ArrayType(PrimitiveType.BYTE, true), false),
                false,
                Map.of("k", 1L)));
    assertEquals(expected, schema);
    assertEquals(
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"m\",\"type\":{\"type\":\"map\",\"keyType\":\"string\","
            + "\"valueType\":{\"type\":\"array\",\"elementType\":\"byte\",\"containsNull\":true},"
            + "\"valueContainsNull\":false},\"nullable\":false,\"metadata\":{\"k\":1}}]}",
        SchemaJson.toJson(schema));
  }

  @Test
  void missingNullableAndMetadataDefaultAsInSpark() {
    StructType schema = SchemaJson.parse("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"date\"}]}");
    assertEquals(StructType.of(new StructField("a", PrimitiveType.DATE, true)), schema);
  }

  @Test
  void whitespaceIsAccepted() {
    String pretty =
        "{\n  \"type\" : \"struct\",\n  \"fields\" : [ {\n    \"name\" : \"a\",\n    \"type\" : \"integer\",\n"
            + "    \"nullable\" : false,\n    \"metadata\" : { }\n  } ]\n}";
    assertEquals(StructType.of(new StructField("a", PrimitiveType.INTEGER, false)), SchemaJson.parse(pretty));
  }

  @Test
  void emptyStruct() {
    assertRoundTrip("{\"type\":\"struct\",\"fields\":[]}");
  }

  @Test
  void parseDataTypeReadsAnyType() {
    assertEquals(new DecimalType(20, 2), SchemaJson.parseDataType("\"decimal(20,2)\""));
    assertEquals(
        new ArrayType(PrimitiveType.LONG, false),
        SchemaJson.parseDataType("{\"type\":\"array\",\"elementType\":\"long\",\"containsNull\":false}"));
    assertInstanceOf(StructType.class, SchemaJson.parseDataType("{\"type\":\"struct\",\"fields\":[]}"));
    assertEquals("\"variant\"", SchemaJson.toJson(PrimitiveType.VARIANT));
  }

  // ---- errors: each names the field by its path and quotes what is wrong.

  @Test
  void unknownTypeName() {
    assertEquals(
        "Invalid schema: field \"c\" has unknown data type \"varchar(10)\" (expected a primitive type name such"
            + " as \"long\" or \"decimal(10,2)\", or a struct, array or map object).",
        error(oneField("\"varchar(10)\"")));
  }

  @Test
  void typeNamesAreCaseSensitiveAsInSpark() {
    assertEquals(
        "Invalid schema: field \"c\" has unknown data type \"Integer\" (expected a primitive type name such"
            + " as \"long\" or \"decimal(10,2)\", or a struct, array or map object).",
        error(oneField("\"Integer\"")));
  }

  @Test
  void unknownTypeDeepInsideNamesThePath() {
    String json =
        oneField("{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":{\"type\":\"array\",\"elementType\":"
            + "{\"type\":\"struct\",\"fields\":[{\"name\":\"x\",\"type\":\"interval\",\"nullable\":true,"
            + "\"metadata\":{}}]},\"containsNull\":true},\"valueContainsNull\":true}");
    assertEquals(
        "Invalid schema: field \"c.value.element.x\" has unknown data type \"interval\" (expected a primitive"
            + " type name such as \"long\" or \"decimal(10,2)\", or a struct, array or map object).",
        error(json));
  }

  @Test
  void unknownTypeObject() {
    assertEquals(
        "Invalid schema: field \"c\" has unknown data type \"udt\" (expected \"struct\", \"array\" or \"map\""
            + " in a type object).",
        error(oneField("{\"type\":\"udt\",\"class\":\"x.Y\",\"sqlType\":\"string\"}")));
  }

  @Test
  void geospatialTypesAreNamedAsUnsupported() {
    assertEquals(
        "Invalid schema: field \"c\" has unsupported data type \"geography(OGC:CRS84, spherical)\": delta4j"
            + " does not support the geospatial types of table feature geospatial.",
        error(oneField("\"geography(OGC:CRS84, spherical)\"")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "decimal(39,0)|precision must be between 1 and 38",
        "decimal(0,0)|precision must be between 1 and 38",
        "decimal(5,6)|scale must be between 0 and the precision",
        "decimal(10, -2)|scale must be between 0 and the precision"
      })
  void invalidDecimals(String name, String problem) {
    assertEquals(
        "Invalid schema: field \"c\" has invalid data type \"" + name + "\": " + problem + ".",
        error(oneField("\"" + name + "\"")));
  }

  @Test
  void malformedDecimalsAreUnknownTypes() {
    for (String name : List.of("decimal(10)", "decimal(10,2,1)", "decimal(a,b)", "decimal(99999999999,2)")) {
      assertEquals(
          "Invalid schema: field \"c\" has unknown data type \"" + name + "\" (expected a primitive type name"
              + " such as \"long\" or \"decimal(10,2)\", or a struct, array or map object).",
          error(oneField("\"" + name + "\"")));
    }
  }

  @Test
  void duplicateNamesIgnoringCase() {
    String json =
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"s\",\"type\":{\"type\":\"struct\",\"fields\":["
            + "{\"name\":\"Id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"ID\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]},\"nullable\":true,"
            + "\"metadata\":{}}]}";
    assertEquals(
        "Invalid schema: in struct \"s\": Duplicate field name \"ID\": it clashes with \"Id\" (field names must"
            + " be unique ignoring case).",
        error(json));
    String top =
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"A\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}";
    assertEquals(
        "Invalid schema: Duplicate field name \"A\": it clashes with \"a\" (field names must be unique ignoring"
            + " case).",
        error(top));
  }

  @Test
  void missingKeys() {
    assertEquals(
        "Invalid schema: field \"[0]\" has no \"name\".",
        error("{\"type\":\"struct\",\"fields\":[{\"type\":\"long\",\"nullable\":true}]}"));
    assertEquals(
        "Invalid schema: field \"a\" has no \"type\".",
        error("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"nullable\":true}]}"));
    assertEquals(
        "Invalid schema: field \"c\" has no \"containsNull\".",
        error(oneField("{\"type\":\"array\",\"elementType\":\"long\"}")));
    assertEquals(
        "Invalid schema: field \"c\" has no \"keyType\".",
        error(oneField("{\"type\":\"map\",\"valueType\":\"long\",\"valueContainsNull\":true}")));
    assertEquals(
        "Invalid schema: field \"c\" has a type object without \"type\".",
        error(oneField("{\"elementType\":\"long\",\"containsNull\":true}")));
    assertEquals("Invalid schema: the root type has no \"fields\".", error("{\"type\":\"struct\"}"));
  }

  @Test
  void wrongValueKinds() {
    assertEquals(
        "Invalid schema: field \"a\" has \"nullable\" that is not a boolean: yes.",
        error("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"long\",\"nullable\":\"yes\"}]}"));
    assertEquals(
        "Invalid schema: field \"a\" has \"metadata\" that is not a JSON object.",
        error("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"long\",\"metadata\":[]}]}"));
    assertEquals(
        "Invalid schema: field \"[0]\" has \"name\" that is not a string: 7.",
        error("{\"type\":\"struct\",\"fields\":[{\"name\":7,\"type\":\"long\"}]}"));
    assertEquals(
        "Invalid schema: field \"a\" has a type that is neither a name nor an object: 12.",
        error("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":12}]}"));
    assertEquals(
        "Invalid schema: the root type has \"fields\" that is not an array.",
        error("{\"type\":\"struct\",\"fields\":{}}"));
    assertEquals(
        "Invalid schema: field \"[1]\" is not a JSON object.",
        error("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"long\"},\"b\"]}"));
  }

  @Test
  void topLevelMustBeAStruct() {
    assertEquals(
        "Invalid schema: the top-level type must be a struct, was \"array<long>\".",
        error("{\"type\":\"array\",\"elementType\":\"long\",\"containsNull\":true}"));
    assertEquals("Invalid schema: the top-level type must be a struct, was \"string\".", error("\"string\""));
  }

  @Test
  void invalidJson() {
    String message = error("{\"type\":\"struct\",\"fields\":[");
    assertEquals(true, message.startsWith("Invalid schema: not valid JSON: "), message);
    assertEquals(true, message.contains("at offset"), message);
    assertEquals("Invalid schema: the JSON is empty.", error(""));
    assertEquals(
        "Invalid schema: unexpected content after the schema at offset 30.",
        error("{\"type\":\"struct\",\"fields\":[]} {}"));
  }
}
