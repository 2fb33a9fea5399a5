package io.delta4j.expr;

import io.delta4j.types.DataType;
import io.delta4j.types.StructField;
import java.util.List;
import java.util.Objects;

/**
 * A column a bound predicate reads, resolved against the schema: its logical path (the names as
 * the schema spells them, which is how rows name it) and its physical path (how statistics,
 * partition values and, under column mapping, data files name it).
 *
 * @param logicalPath field names from the top, as in the schema
 * @param physicalPath the same fields' physical names; equal to {@code logicalPath} without column mapping
 * @param field the (innermost) field itself, with its type and metadata
 */
public record BoundColumn(List<String> logicalPath, List<String> physicalPath, StructField field) {
  public BoundColumn {
    logicalPath = List.copyOf(logicalPath);
    physicalPath = List.copyOf(physicalPath);
    Objects.requireNonNull(field, "field");
    if (logicalPath.isEmpty() || logicalPath.size() != physicalPath.size()) {
      throw new IllegalArgumentException("Logical and physical paths must be non-empty and of equal length.");
    }
  }

  public DataType type() {
    return field.type();
  }

  /** The logical name, dotted and quoted as the expression syntax writes it. */
  public String name() {
    return PredicateText.column(new Column(logicalPath));
  }

  /** Whether this is a top-level column (only those can be partition columns). */
  public boolean isTopLevel() {
    return logicalPath.size() == 1;
  }
}
