package io.delta4j.write;

import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.MapType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Gives every field of a new table's schema, nested ones included, a column-mapping id and a
 * physical name (PROTOCOL.md, "Writer Requirements for Column Mapping": a globally unique physical
 * name, {@code col-<uuid>} as Delta Spark names them, and ids counted from 1, the highest recorded
 * as {@code delta.columnMapping.maxColumnId}). Ids are assigned depth first, a parent before its
 * children. Column-mapping metadata the given schema already carries is replaced: a new table
 * starts its own ids.
 */
final class ColumnMappingIds {
  /** The table property holding the highest id assigned. */
  static final String MAX_COLUMN_ID = "delta.columnMapping.maxColumnId";

  private static final String PREFIX = "delta.columnMapping.";

  private ColumnMappingIds() {}

  /** The schema with ids and physical names, and the highest id. */
  record Assigned(StructType schema, long maxColumnId) {}

  static Assigned assign(StructType schema) {
    long[] lastId = {0};
    StructType mapped = (StructType) transform(schema, field -> {
      Map<String, Object> metadata = withoutMapping(field.metadata());
      metadata.put(StructField.COLUMN_MAPPING_ID_KEY, ++lastId[0]);
      metadata.put(StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, "col-" + UUID.randomUUID());
      return metadata;
    });
    return new Assigned(mapped, lastId[0]);
  }

  /** The schema without column-mapping field metadata, for a table without column mapping. */
  static StructType strip(StructType schema) {
    return (StructType) transform(schema, field -> withoutMapping(field.metadata()));
  }

  private static Map<String, Object> withoutMapping(Map<String, Object> metadata) {
    Map<String, Object> copy = new LinkedHashMap<>(metadata);
    copy.keySet().removeIf(key -> key.startsWith(PREFIX));
    return copy;
  }

  /** {@code type} with each field's metadata replaced by {@code metadata}'s answer, asked parent first. */
  private static DataType transform(DataType type, Function<StructField, Map<String, Object>> metadata) {
    if (type instanceof StructType struct) {
      List<StructField> fields = new ArrayList<>();
      for (StructField field : struct.fields()) {
        Map<String, Object> own = metadata.apply(field);
        fields.add(new StructField(field.name(), transform(field.type(), metadata), field.nullable(), own));
      }
      return new StructType(fields);
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(transform(array.elementType(), metadata), array.containsNull());
    }
    if (type instanceof MapType map) {
      return new MapType(
          transform(map.keyType(), metadata), transform(map.valueType(), metadata), map.valueContainsNull());
    }
    return type;
  }
}
