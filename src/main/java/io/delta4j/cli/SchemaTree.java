package io.delta4j.cli;

import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.MapType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.PrintWriter;
import java.util.List;

/** Prints a schema as a tree, in the form Spark's {@code printSchema} made familiar. */
final class SchemaTree {
  private SchemaTree() {}

  static void print(StructType schema, List<String> partitionColumns, PrintWriter out) {
    out.println("root");
    for (StructField f : schema.fields()) {
      String partition = partitionColumns.contains(f.name()) ? " (partition column)" : "";
      printNode(f.name(), f.type(), "nullable = " + f.nullable(), partition, " |", out);
    }
  }

  private static void printNode(String name, DataType type, String nullability, String suffix, String indent, PrintWriter out) {
    out.println(indent + "-- " + name + ": " + typeName(type) + (nullability.isEmpty() ? "" : " (" + nullability + ")") + suffix);
    String child = indent + "    |";
    if (type instanceof StructType s) {
      for (StructField f : s.fields()) {
        printNode(f.name(), f.type(), "nullable = " + f.nullable(), "", child, out);
      }
    } else if (type instanceof ArrayType a) {
      printNode("element", a.elementType(), "containsNull = " + a.containsNull(), "", child, out);
    } else if (type instanceof MapType m) {
      printNode("key", m.keyType(), "", "", child, out);
      printNode("value", m.valueType(), "valueContainsNull = " + m.valueContainsNull(), "", child, out);
    }
  }

  private static String typeName(DataType type) {
    if (type instanceof StructType) {
      return "struct";
    }
    if (type instanceof ArrayType) {
      return "array";
    }
    if (type instanceof MapType) {
      return "map";
    }
    return type.simpleString();
  }
}
