package io.delta4j.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * A struct of typed columns ({@code stats_parsed}, {@code partitionValues_parsed}) read into an
 * insertion-ordered map of Java values ({@link TypedLeafConverter} lists them), nested structs as
 * nested maps. Lists, maps and leaves of types Delta does not use in these structs are not read.
 */
final class TypedStructConverter extends StructConverter {
  private final boolean partitionValues;
  private final String name;
  private final BiConsumer<String, Object> parent;
  private final List<String> leafNames = new ArrayList<>();
  private Map<String, Object> values;

  private TypedStructConverter(boolean partitionValues, String name, BiConsumer<String, Object> parent) {
    this.partitionValues = partitionValues;
    this.name = name;
    this.parent = parent;
  }

  /**
   * For {@code stats_parsed}: null values are left out, as in the JSON form, and raw binary leaves
   * are skipped (Delta keeps no binary min/max; variant stats would otherwise read as binary).
   */
  static TypedStructConverter forStats() {
    return new TypedStructConverter(false, null, null);
  }

  /** For {@code partitionValues_parsed}: every column present, null for a null partition value. */
  static TypedStructConverter forPartitionValues() {
    return new TypedStructConverter(true, null, null);
  }

  @Override
  protected FieldConverter field(String field, GroupType struct) {
    Type type = struct.getType(field);
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    if (type.isPrimitive()) {
      if (!TypedLeafConverter.canRead(type.asPrimitiveType(), partitionValues)) {
        return null;
      }
      leafNames.add(field);
      return new TypedLeafConverter(field, type.asPrimitiveType(), this::put);
    }
    return SchemaChecks.isStruct(type) && !partitionValues
        ? new TypedStructConverter(false, field, this::put)
        : null;
  }

  @Override
  protected void begin() {
    values = new LinkedHashMap<>();
    if (partitionValues) {
      for (String leaf : leafNames) {
        values.put(leaf, null);
      }
    }
  }

  @Override
  protected void complete() {
    if (parent != null) {
      parent.accept(name, values);
    }
  }

  private void put(String field, Object value) {
    values.put(field, value);
  }

  /** The current row's values, or null when the struct is null. */
  Map<String, Object> get() {
    return isPresent() ? values : null;
  }
}
