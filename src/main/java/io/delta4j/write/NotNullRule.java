package io.delta4j.write;

import io.delta4j.Row;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.MapType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The non-nullable parts of a type, checked on a value of it, as Delta Spark checks them
 * ({@code Invariants.getFromSchema}): a non-nullable field must hold a value wherever its parent
 * does, so a non-nullable field inside a null, nullable struct is fine; array elements and map
 * values declared without nulls must not be null. Only the parts that hold something non-nullable
 * are compiled, so a schema of nullable columns costs nothing per row.
 */
sealed interface NotNullRule {
  /** Throws {@code ConstraintViolationException} for the first null where the type forbids one. */
  void check(String table, Object value);

  /** The rule for a value of {@code type} at {@code path}, or null when nothing in it is non-nullable. */
  static NotNullRule compile(DataType type, String path) {
    if (type instanceof StructType struct) {
      List<FieldRule> fields = new ArrayList<>();
      for (StructField field : struct.fields()) {
        String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
        NotNullRule nested = compile(field.type(), fieldPath);
        if (!field.nullable() || nested != null) {
          fields.add(new FieldRule(field.name(), fieldPath, field.nullable(), nested));
        }
      }
      return fields.isEmpty() ? null : new StructRule(fields);
    }
    if (type instanceof ArrayType array) {
      NotNullRule element = compile(array.elementType(), path + ".element");
      return array.containsNull() && element == null
          ? null
          : new ArrayRule(path + ".element", array.containsNull(), element);
    }
    if (type instanceof MapType map) {
      NotNullRule key = compile(map.keyType(), path + ".key");
      NotNullRule value = compile(map.valueType(), path + ".value");
      return map.valueContainsNull() && key == null && value == null
          ? null
          : new MapRule(path + ".value", map.valueContainsNull(), key, value);
    }
    return null;
  }

  /** One field of a struct; {@code nested} may be null. */
  record FieldRule(String name, String path, boolean nullable, NotNullRule nested) {}

  record StructRule(List<FieldRule> fields) implements NotNullRule {
    @Override
    public void check(String table, Object value) {
      Row row = (Row) value;
      for (FieldRule field : fields) {
        Object fieldValue = RowValues.get(row, field.name());
        if (fieldValue == null) {
          if (!field.nullable()) {
            throw WriteErrors.notNull(table, field.path());
          }
        } else if (field.nested() != null) {
          field.nested().check(table, fieldValue);
        }
      }
    }
  }

  record ArrayRule(String elementPath, boolean containsNull, NotNullRule element) implements NotNullRule {
    @Override
    public void check(String table, Object value) {
      for (Object item : (List<?>) value) {
        checkItem(table, item, containsNull, elementPath, element);
      }
    }
  }

  /** Map keys are never null (PROTOCOL.md, "Map Type"), so only their nested parts are checked. */
  record MapRule(String valuePath, boolean valueContainsNull, NotNullRule key, NotNullRule value)
      implements NotNullRule {
    @Override
    public void check(String table, Object map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
        if (key != null && entry.getKey() != null) {
          key.check(table, entry.getKey());
        }
        checkItem(table, entry.getValue(), valueContainsNull, valuePath, value);
      }
    }
  }

  private static void checkItem(String table, Object item, boolean nullable, String path, NotNullRule nested) {
    if (item == null) {
      if (!nullable) {
        throw WriteErrors.notNull(table, path);
      }
    } else if (nested != null) {
      nested.check(table, item);
    }
  }
}
