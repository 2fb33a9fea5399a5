package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Finds the field of a Parquet group that holds a field of the table schema, as the column mapping
 * mode says (PROTOCOL.md, "Column Mapping"): by logical name, by physical name, or by field id.
 * Indexes the group once, so that wide schemas resolve in linear time.
 *
 * <p>Names match exactly or, failing that, ignoring case, as Spark resolves Parquet columns (a
 * writer may have changed the case; two file fields that differ only in case make the match
 * ambiguous, and then only an exact match counts). In id mode a table field without an id (which a
 * valid schema never has) is looked up by physical name.
 */
final class FileFields {
  private final ColumnMappingMode mode;
  private final Map<String, Type> byName = new HashMap<>();
  private final Map<String, Type> byLowerName = new HashMap<>();
  private final Map<Integer, Type> byId = new HashMap<>();

  FileFields(GroupType group, ColumnMappingMode mode) {
    this.mode = mode;
    for (Type field : group.getFields()) {
      byName.put(field.getName(), field);
      String lower = field.getName().toLowerCase(Locale.ROOT);
      if (byLowerName.containsKey(lower)) {
        byLowerName.put(lower, null); // ambiguous
      } else {
        byLowerName.put(lower, field);
      }
      if (field.getId() != null) {
        byId.put(field.getId().intValue(), field);
      }
    }
  }

  /** Whether any field of the group has a Parquet field id. */
  boolean hasIds() {
    return !byId.isEmpty();
  }

  /** The file's field for {@code field}, or null when the file does not have it. */
  Type find(StructField field) {
    return switch (mode) {
      case NONE -> byName(field.name());
      case NAME -> byName(field.physicalName());
      case ID -> {
        OptionalLong id = field.columnMappingId();
        yield id.isPresent() ? byId.get((int) id.getAsLong()) : byName(field.physicalName());
      }
    };
  }

  private Type byName(String name) {
    Type exact = byName.get(name);
    return exact != null ? exact : byLowerName.get(name.toLowerCase(Locale.ROOT));
  }
}
