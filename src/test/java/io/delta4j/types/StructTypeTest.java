package io.delta4j.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StructTypeTest {
  private static final StructField ID = new StructField("id", PrimitiveType.LONG, false);
  private static final StructField CITY = new StructField("City", PrimitiveType.STRING, true);
  private static final StructField ADDRESS =
      new StructField("address", StructType.of(CITY, new StructField("zip", PrimitiveType.INTEGER, true)), true);
  private static final StructField TAGS = new StructField("tags", new ArrayType(PrimitiveType.STRING, true), true);
  private static final StructType SCHEMA = StructType.of(ID, ADDRESS, TAGS);

  @Test
  void lookupsByName() {
    assertEquals(3, SCHEMA.length());
    assertEquals(List.of("id", "address", "tags"), SCHEMA.fieldNames());
    assertEquals(Optional.of(ADDRESS), SCHEMA.field("address"));
    assertEquals(Optional.empty(), SCHEMA.field("ADDRESS"));
    assertEquals(Optional.of(ADDRESS), SCHEMA.fieldIgnoreCase("ADDRESS"));
    assertEquals(Optional.empty(), SCHEMA.fieldIgnoreCase("nope"));
    assertEquals(1, SCHEMA.indexOf("address"));
    assertEquals(-1, SCHEMA.indexOf("Address"));
  }

  @Test
  void findFieldWalksNestedStructs() {
    assertEquals(Optional.of(CITY), SCHEMA.findField(List.of("address", "City")));
    assertEquals(Optional.of(ADDRESS), SCHEMA.findField(List.of("address")));
    assertEquals(Optional.empty(), SCHEMA.findField(List.of("address", "city")));
    assertEquals(Optional.empty(), SCHEMA.findField(List.of("address", "City", "deeper")));
    assertEquals(Optional.empty(), SCHEMA.findField(List.of("tags", "element")));
    assertEquals(Optional.empty(), SCHEMA.findField(List.of()));
  }

  @Test
  void namesMayContainDots() {
    StructField dotted = new StructField("a.b", PrimitiveType.INTEGER, true);
    StructType schema = StructType.of(dotted);
    assertEquals(Optional.of(dotted), schema.findField(List.of("a.b")));
  }

  @Test
  void duplicateNamesAreRejectedIgnoringCase() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StructType.of(ID, new StructField("ID", PrimitiveType.STRING, true)));
    assertEquals(
        "Duplicate field name \"ID\": it clashes with \"id\" (field names must be unique ignoring case).",
        e.getMessage());
  }

  @Test
  void caseFoldingDoesNotDependOnTheDefaultLocale() {
    // In a Turkish locale "I".toLowerCase() is a dotless i, so "ID" would not clash with "id".
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
      assertThrows(
          IllegalArgumentException.class,
          () -> StructType.of(ID, new StructField("ID", PrimitiveType.STRING, true)));
      assertEquals(Optional.of(ID), SCHEMA.fieldIgnoreCase("ID"));
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void fieldsAreCopied() {
    List<StructField> fields = new ArrayList<>(List.of(ID));
    StructType schema = new StructType(fields);
    fields.add(TAGS);
    assertEquals(1, schema.length());
    assertThrows(UnsupportedOperationException.class, () -> schema.fields().add(TAGS));
  }

  @Test
  void metadataIsADeepImmutableCopyInOrder() {
    Map<String, Object> nested = new HashMap<>(Map.of("k", 1));
    List<Object> list = new ArrayList<>(Arrays.asList(1, "two", null));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("z", "last-inserted-first");
    metadata.put("int", 7);
    metadata.put("long", 8L);
    metadata.put("big", new BigInteger("123456789012345678901234567890"));
    metadata.put("double", 1.5);
    metadata.put("decimal", new BigDecimal("0.1000000000000000000001"));
    metadata.put("bool", true);
    metadata.put("null", null);
    metadata.put("list", list);
    metadata.put("map", nested);
    StructField field = new StructField("f", PrimitiveType.STRING, true, metadata);
    nested.put("k2", 2);
    list.add(4);
    metadata.put("late", 1);

    assertEquals(
        List.of("z", "int", "long", "big", "double", "decimal", "bool", "null", "list", "map"),
        List.copyOf(field.metadata().keySet()));
    assertEquals(7L, field.metadata().get("int")); // normalised to the type JsonValues reads
    assertEquals(Arrays.asList(1L, "two", null), field.metadata().get("list"));
    assertEquals(Map.of("k", 1L), field.metadata().get("map"));
    assertTrue(field.metadata().containsKey("null"));
    assertThrows(UnsupportedOperationException.class, () -> field.metadata().put("x", 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> copiedNested = (Map<String, Object>) field.metadata().get("map");
    assertThrows(UnsupportedOperationException.class, () -> copiedNested.put("x", 1));
  }

  @Test
  void metadataRejectsNonJsonValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StructField("f", PrimitiveType.STRING, true, Map.of("k", List.of(Map.of("x", 1.5f)))));
    assertEquals(
        "metadata.k[0].x is a java.lang.Float, which is not a JSON value (use String, Boolean, Long,"
            + " BigInteger, Double, BigDecimal, null, List or Map).",
        e.getMessage());
  }

  @Test
  void emptyMetadataIsShared() {
    assertSame(Map.of(), new StructField("f", PrimitiveType.STRING, true).metadata());
  }

  @Test
  void columnMappingHelpers() {
    StructField plain = new StructField("a", PrimitiveType.INTEGER, true);
    assertEquals("a", plain.physicalName());
    assertEquals(OptionalLong.empty(), plain.columnMappingId());

    StructField mapped =
        new StructField(
            "a",
            PrimitiveType.INTEGER,
            true,
            Map.of(
                StructField.COLUMN_MAPPING_ID_KEY, 5L,
                StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, "col-5f0e6b3c"));
    assertEquals("col-5f0e6b3c", mapped.physicalName());
    assertEquals(OptionalLong.of(5), mapped.columnMappingId());
  }

  @Test
  void malformedColumnMappingMetadataIsReported() {
    StructField bad =
        new StructField(
            "a",
            PrimitiveType.INTEGER,
            true,
            Map.of(StructField.COLUMN_MAPPING_ID_KEY, "5", StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, 5));
    IllegalArgumentException id = assertThrows(IllegalArgumentException.class, bad::columnMappingId);
    assertEquals(
        "Field \"a\" has invalid metadata delta.columnMapping.id=\"5\": expected an integer.", id.getMessage());
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class, bad::physicalName);
    assertEquals(
        "Field \"a\" has invalid metadata delta.columnMapping.physicalName=5: expected a string.",
        name.getMessage());
  }
}
