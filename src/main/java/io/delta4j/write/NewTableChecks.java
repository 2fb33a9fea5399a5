package io.delta4j.write;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaWalk;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a new table's schema and partition columns. Duplicate field names (ignoring case) need no
 * check here: {@link StructType} refuses them when it is built.
 */
final class NewTableChecks {
  /** Characters Parquet field names cannot hold; with column mapping, physical names replace them. */
  private static final String INVALID_NAME_CHARS = " ,;{}()\n\t=";

  /** Field metadata that asks writers to compute values, which delta4j does not do. */
  private static final Map<String, String> COMPUTED = Map.of(
      "delta.generationExpression", "a generated column (table feature generatedColumns)",
      "delta.identity.start", "an identity column (table feature identityColumns)",
      "CURRENT_DEFAULT", "a column with a default value (table feature allowColumnDefaults)");

  private NewTableChecks() {}

  static void schema(String table, StructType schema, boolean columnMapping) {
    if (schema.fields().isEmpty()) {
      throw WriteErrors.invalidDefinition(table, "the schema has no columns; a table needs at least one");
    }
    for (StructField field : SchemaWalk.fields(schema)) {
      String name = field.name();
      if (name.isEmpty()) {
        throw WriteErrors.invalidDefinition(table, "a field has an empty name");
      }
      if (!columnMapping && name.chars().anyMatch(c -> INVALID_NAME_CHARS.indexOf(c) >= 0)) {
        throw WriteErrors.invalidDefinition(table, "column \"" + name + "\" has a character Parquet field names"
            + " cannot hold (one of space , ; { } ( ) newline tab =); rename it, or set delta.columnMapping.mode=name");
      }
      if (SchemaWalk.contains(field.type(), PrimitiveType.VOID)) {
        throw WriteErrors.invalidDefinition(table, "column \"" + name + "\" has type void, which can hold no"
            + " data; give it a type");
      }
      for (Map.Entry<String, String> computed : COMPUTED.entrySet()) {
        if (field.metadata().containsKey(computed.getKey())) {
          throw WriteErrors.invalidDefinition(table, "column \"" + name + "\" is " + computed.getValue()
              + ", whose values delta4j cannot compute; remove the " + computed.getKey() + " metadata");
        }
      }
    }
  }

  /**
   * The partition columns as the schema spells them (Delta resolves names ignoring case). Each must
   * be a distinct top-level column of a primitive type other than variant (PROTOCOL.md, "Partition
   * Value Serialization"), and at least one column must be left for the data files.
   */
  static List<String> partitionColumns(String table, StructType schema, List<String> requested) {
    List<String> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : requested) {
      StructField field = schema.field(name).or(() -> schema.fieldIgnoreCase(name)).orElseThrow(
          () -> WriteErrors.invalidDefinition(table, "partition column \"" + name + "\" is not a top-level column"
              + " of the schema, which has " + schema.fieldNames()));
      if (!seen.add(field.name().toLowerCase(Locale.ROOT))) {
        throw WriteErrors.invalidDefinition(table, "partition column \"" + name + "\" is listed twice");
      }
      if (!isPartitionable(field.type())) {
        throw WriteErrors.invalidDefinition(table, "partition column \"" + name + "\" has type "
            + field.type().simpleString() + "; partition columns must have a primitive type other than variant");
      }
      columns.add(field.name());
    }
    if (!columns.isEmpty() && columns.size() == schema.length()) {
      throw WriteErrors.invalidDefinition(table, "every column is a partition column, so data files would hold"
          + " no columns; keep at least one column out of the partitioning");
    }
    return columns;
  }

  private static boolean isPartitionable(DataType type) {
    return type instanceof DecimalType || (type instanceof PrimitiveType p && p != PrimitiveType.VARIANT);
  }
}
