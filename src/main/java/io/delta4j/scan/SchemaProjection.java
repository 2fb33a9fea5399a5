package io.delta4j.scan;

import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table schema restricted to some column paths ({@code id}, {@code address.city}): top-level
 * columns in the order first asked for, structs pruned to the fields asked for. Names resolve
 * exactly first, then ignoring case, as Spark does.
 */
final class SchemaProjection {
  private SchemaProjection() {}

  static StructType project(StructType schema, List<List<String>> paths) {
    Map<String, Node> top = new LinkedHashMap<>();
    for (List<String> path : paths) {
      add(schema, path, 0, top);
    }
    return build(top);
  }

  private static void add(StructType struct, List<String> path, int depth, Map<String, Node> level) {
    String name = path.get(depth);
    StructField field = struct.field(name).or(() -> struct.fieldIgnoreCase(name)).orElseThrow(() ->
        new IllegalArgumentException("Column \"" + String.join(".", path.subList(0, depth + 1))
            + "\" does not exist; " + (depth == 0 ? "the table has " : "the struct has ") + struct.fieldNames() + "."));
    Node node = level.computeIfAbsent(field.name(), k -> new Node(field));
    if (node.whole) {
      return;
    }
    if (depth == path.size() - 1) {
      node.whole = true;
      node.children.clear();
      return;
    }
    if (!(field.type() instanceof StructType nested)) {
      throw new IllegalArgumentException("Column \"" + String.join(".", path.subList(0, depth + 1))
          + "\" is " + field.type().simpleString() + ", not a struct; it has no field \"" + path.get(depth + 1) + "\".");
    }
    add(nested, path, depth + 1, node.children);
  }

  private static StructType build(Map<String, Node> level) {
    List<StructField> fields = new ArrayList<>();
    for (Node n : level.values()) {
      if (n.whole) {
        fields.add(n.field);
      } else {
        fields.add(new StructField(n.field.name(), build(n.children), n.field.nullable(), n.field.metadata()));
      }
    }
    return new StructType(fields);
  }

  private static final class Node {
    final StructField field;
    final Map<String, Node> children = new LinkedHashMap<>();
    boolean whole;

    Node(StructField field) {
      this.field = field;
    }
  }
}
