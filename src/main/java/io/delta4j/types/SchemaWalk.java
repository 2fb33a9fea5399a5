package io.delta4j.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Visits every part of a type: the questions table features ask of a schema ("is there a
 * timestamp_ntz anywhere?", "does any column carry this metadata key?") reach into structs,
 * array elements and map keys and values alike.
 */
public final class SchemaWalk {
  private SchemaWalk() {}

  /** Every struct field in {@code type}, nested ones included, each parent before its children. */
  public static List<StructField> fields(DataType type) {
    List<StructField> out = new ArrayList<>();
    collect(type, out);
    return out;
  }

  /** Whether {@code type} is {@code wanted} or holds it at any depth. */
  public static boolean contains(DataType type, DataType wanted) {
    if (type.equals(wanted)) {
      return true;
    }
    if (type instanceof StructType struct) {
      return struct.fields().stream().anyMatch(f -> contains(f.type(), wanted));
    }
    if (type instanceof ArrayType array) {
      return contains(array.elementType(), wanted);
    }
    return type instanceof MapType map && (contains(map.keyType(), wanted) || contains(map.valueType(), wanted));
  }

  private static void collect(DataType type, List<StructField> out) {
    if (type instanceof StructType struct) {
      for (StructField field : struct.fields()) {
        out.add(field);
        collect(field.type(), out);
      }
    } else if (type instanceof ArrayType array) {
      collect(array.elementType(), out);
    } else if (type instanceof MapType map) {
      collect(map.keyType(), out);
      collect(map.valueType(), out);
    }
  }
}
