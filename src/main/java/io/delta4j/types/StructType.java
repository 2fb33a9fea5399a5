package io.delta4j.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A struct: the table schema itself, or a nested struct column (PROTOCOL.md, "Struct Type"). A
 * final class rather than a record because it keeps two name indexes, built once, so that lookups
 * on wide schemas (thousands of columns) stay O(1).
 *
 * <p>Field names are unique ignoring case (PROTOCOL.md, "Schema Serialization Format": Delta and
 * Spark resolve columns case-insensitively), and the constructor rejects a clash.
 */
public final class StructType implements DataType {
  private final List<StructField> fields;
  private final Map<String, Integer> byName;
  private final Map<String, Integer> byLowerName;

  public StructType(List<StructField> fields) {
    this.fields = List.copyOf(fields);
    Map<String, Integer> exact = new HashMap<>();
    Map<String, Integer> lower = new HashMap<>();
    for (int i = 0; i < this.fields.size(); i++) {
      String name = this.fields.get(i).name();
      Integer clash = lower.putIfAbsent(lowerCase(name), i);
      if (clash != null) {
        throw new IllegalArgumentException(
            "Duplicate field name \"" + name + "\": it clashes with \"" + this.fields.get(clash).name()
                + "\" (field names must be unique ignoring case).");
      }
      exact.put(name, i);
    }
    this.byName = exact;
    this.byLowerName = lower;
  }

  public static StructType of(StructField... fields) {
    return new StructType(List.of(fields));
  }

  /** The fields in order; unmodifiable. */
  public List<StructField> fields() {
    return fields;
  }

  public int length() {
    return fields.size();
  }

  /** The field names in order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(fields.size());
    for (StructField field : fields) {
      names.add(field.name());
    }
    return Collections.unmodifiableList(names);
  }

  /** The field named exactly {@code name}. */
  public Optional<StructField> field(String name) {
    Integer i = byName.get(name);
    return i == null ? Optional.empty() : Optional.of(fields.get(i));
  }

  /** The field whose name equals {@code name} ignoring case, as Spark SQL resolves columns. */
  public Optional<StructField> fieldIgnoreCase(String name) {
    Integer i = byLowerName.get(lowerCase(name));
    return i == null ? Optional.empty() : Optional.of(fields.get(i));
  }

  /** The position of the field named exactly {@code name}, or -1. */
  public int indexOf(String name) {
    Integer i = byName.get(name);
    return i == null ? -1 : i;
  }

  /**
   * The nested field at {@code path}, e.g. {@code ["address", "city"]} for {@code address.city},
   * descending through struct fields by exact name. Names may themselves contain dots, which is
   * why the path is a list rather than a dotted string.
   */
  public Optional<StructField> findField(List<String> path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Optional<StructField> field = field(path.get(0));
    if (path.size() == 1 || field.isEmpty()) {
      return field;
    }
    return field.get().type() instanceof StructType nested
        ? nested.findField(path.subList(1, path.size()))
        : Optional.empty();
  }

  @Override
  public String simpleString() {
    StringJoiner out = new StringJoiner(",", "struct<", ">");
    for (StructField field : fields) {
      out.add(field.name() + ":" + field.type().simpleString());
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructType other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "StructType" + fields;
  }

  /** Locale-independent lower case, so that names like "ID" behave the same in every JVM locale. */
  private static String lowerCase(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
