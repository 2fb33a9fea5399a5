package io.delta4j.write;

import io.delta4j.Row;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a caller gives to a write (a {@link Row} or a {@code Map} from column name to value,
 * nested structs likewise) into a row of the table's schema whose values have exactly the Java types
 * {@link Row} lists. Conversions are only the lossless ones (an {@code Integer} into a long column,
 * a {@code long} into a decimal, an {@code OffsetDateTime} into a timestamp); anything else is
 * refused with a message naming the column, never rounded or truncated silently.
 */
public final class RowCoercion {
  private final StructType schema;
  // Per schema of the rows given (usually one), where each of its fields goes: computed once, not per row.
  private final Map<StructType, Mapping> positions = new IdentityHashMap<>();
  private StructType lastGiven;
  private Mapping lastMapping;

  /**
   * Where each field of a given row's schema goes in the target struct; {@code inPlace} when they
   * are the same columns in the same order, so that a row whose values all have their exact types
   * is used as it is, without a copy (the writer consumes each row before asking for the next).
   */
  private record Mapping(int[] targets, boolean inPlace) {}

  public RowCoercion(StructType schema) {
    this.schema = schema;
  }

  /**
   * The input as a row of the schema.
   *
   * @throws IllegalArgumentException naming the column when a value does not fit
   */
  public Row toRow(Object input) {
    return struct(input, schema, "");
  }

  private Row struct(Object input, StructType type, String path) {
    Object[] values = new Object[type.length()];
    List<StructField> fields = type.fields();
    if (input instanceof Row row) {
      Mapping mapping = mapping(row.schema(), type, path);
      if (mapping.inPlace() && allExact(row, fields)) {
        return row;
      }
      int[] targets = mapping.targets();
      for (int i = 0; i < targets.length; i++) {
        StructField field = fields.get(targets[i]);
        values[targets[i]] = value(row.get(i), field.type(), path, field.name());
      }
    } else if (input instanceof Map<?, ?> map) {
      if (byColumnName(map, fields, path, values)) {
        return Row.of(type, values);
      }
      Arrays.fill(values, null);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String name)) {
          throw new IllegalArgumentException("column names must be strings, got " + describe(entry.getKey()));
        }
        int target = indexOf(type, name, path);
        StructField field = fields.get(target);
        values[target] = value(entry.getValue(), field.type(), path, field.name());
      }
    } else {
      throw new IllegalArgumentException((path.isEmpty() ? "a row" : "column \"" + path.substring(0, path.length() - 1) + "\"")
          + " must be a Row or a Map from column name to value, got " + describe(input));
    }
    return Row.of(type, values);
  }

  /**
   * Fills {@code values} by looking each column up in {@code map} by its exact name, which costs no
   * entry objects; false when the map has other keys (names in another case, unknown columns), which
   * the caller then resolves entry by entry.
   */
  private boolean byColumnName(Map<?, ?> map, List<StructField> fields, String path, Object[] values) {
    int found = 0;
    for (int i = 0; i < values.length; i++) {
      StructField field = fields.get(i);
      Object v;
      boolean present;
      try {
        v = map.get(field.name());
        present = v != null || map.containsKey(field.name());
      } catch (ClassCastException | NullPointerException e) {
        return false; // a map whose keys are not strings: refused, with its message, entry by entry
      }
      if (present) {
        found++;
        values[i] = value(v, field.type(), path, field.name());
      }
    }
    return found == map.size();
  }

  private Mapping mapping(StructType given, StructType type, String path) {
    if (given == lastGiven && type == schema) {
      return lastMapping;
    }
    Mapping mapping = positions.computeIfAbsent(given, g -> {
      int[] targets = new int[g.length()];
      boolean inPlace = g.length() == type.length();
      for (int i = 0; i < targets.length; i++) {
        String name = g.fields().get(i).name();
        targets[i] = indexOf(type, name, path);
        inPlace &= targets[i] == i && name.equals(type.fields().get(i).name());
      }
      return new Mapping(targets, inPlace);
    });
    if (type == schema) { // the top level: one lookup saved per row
      lastGiven = given;
      lastMapping = mapping;
    }
    return mapping;
  }

  private static boolean allExact(Row row, List<StructField> fields) {
    for (int i = 0; i < fields.size(); i++) {
      Object v = row.get(i);
      if (v != null && !isExact(v, fields.get(i).type())) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(StructType type, String name, String path) {
    int i = type.indexOf(name);
    if (i < 0) {
      i = type.fieldIgnoreCase(name).map(f -> type.indexOf(f.name())).orElse(-1);
    }
    if (i < 0) {
      throw new IllegalArgumentException("unknown column \"" + path + name + "\"; the columns are " + type.fieldNames());
    }
    return i;
  }

  /** The value for a column; {@code parent} and {@code name} make its path, built only for a message. */
  private Object value(Object value, DataType type, String parent, String name) {
    if (value == null || isExact(value, type)) {
      return value;
    }
    try {
      if (type instanceof PrimitiveType primitive) {
        return primitive(value, primitive);
      }
      if (type instanceof DecimalType decimal) {
        return decimal(value, decimal);
      }
    } catch (ArithmeticException e) {
      throw mismatch(parent + name, type, value, e.getMessage());
    } catch (ClassCastException e) {
      throw mismatch(parent + name, type, value, null); // its own message names JDK modules, not the column
    }
    String column = parent + name;
    if (type instanceof StructType struct) {
      return struct(value, struct, column + ".");
    }
    if (type instanceof ArrayType array && value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(value(element, array.elementType(), column, "[]"));
      }
      return out;
    }
    if (type instanceof MapType mapType && value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>(map.size() * 2);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey() == null) {
          throw mismatch(column, type, value, "map keys cannot be null");
        }
        out.put(value(e.getKey(), mapType.keyType(), column, ".key"), value(e.getValue(), mapType.valueType(), column, ".value"));
      }
      return out;
    }
    throw mismatch(column, type, value, null);
  }

  /** Whether a value already has the Java type the column stores and needs no check: kept as it is. */
  private static boolean isExact(Object value, DataType type) {
    if (!(type instanceof PrimitiveType primitive)) {
      return false;
    }
    return switch (primitive) {
      case LONG -> value instanceof Long;
      case INTEGER -> value instanceof Integer;
      case STRING -> value instanceof String;
      case DOUBLE -> value instanceof Double;
      case BOOLEAN -> value instanceof Boolean;
      case DATE -> value instanceof LocalDate;
      case SHORT -> value instanceof Short;
      case BYTE -> value instanceof Byte;
      case FLOAT -> value instanceof Float;
      case BINARY -> value instanceof byte[];
      default -> false; // timestamps are checked for precision; variant and void refused
    };
  }

  private static Object primitive(Object v, PrimitiveType type) {
    return switch (type) {
      case BOOLEAN -> (Boolean) v;
      case BYTE -> (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SHORT -> (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> integral(v, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> toFloat(v);
      case DOUBLE -> toDouble(v);
      case STRING -> v instanceof String s ? s : ((CharSequence) v).toString();
      case BINARY -> (byte[]) v;
      case DATE -> (LocalDate) v;
      case TIMESTAMP -> micros(instant(v));
      case TIMESTAMP_NTZ -> {
        LocalDateTime t = (LocalDateTime) v;
        if (t.getNano() % 1000 != 0) {
          throw new ArithmeticException("it is finer than microseconds; truncate it with truncatedTo(ChronoUnit.MICROS)");
        }
        yield t;
      }
      case VARIANT -> throw new ArithmeticException("delta4j cannot write variant values");
      case VOID -> throw new ArithmeticException("a void column holds only nulls");
    };
  }

  private static Instant instant(Object v) {
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    return (Instant) v;
  }

  private static Instant micros(Instant t) {
    if (t.getNano() % 1000 != 0) {
      throw new ArithmeticException("it is finer than microseconds; truncate it with truncatedTo(ChronoUnit.MICROS)");
    }
    return t;
  }

  private static long integral(Object v, long min, long max) {
    long n;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      n = ((Number) v).longValue();
    } else if (v instanceof BigInteger b) {
      n = b.longValueExact();
    } else if (v instanceof BigDecimal d) {
      n = d.longValueExact();
    } else {
      throw new ClassCastException(null);
    }
    if (n < min || n > max) {
      throw new ArithmeticException("it is out of range [" + min + ", " + max + "]");
    }
    return n;
  }

  private static float toFloat(Object v) {
    if (v instanceof Float f) {
      return f;
    }
    if (v instanceof Double d) {
      if (!Double.isNaN(d) && (double) (float) (double) d != d) {
        throw new ArithmeticException("it does not fit a float exactly");
      }
      return (float) (double) d;
    }
    long n = integral(v, Long.MIN_VALUE, Long.MAX_VALUE);
    if ((long) (float) n != n) {
      throw new ArithmeticException("it does not fit a float exactly");
    }
    return n;
  }

  private static double toDouble(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Float f) {
      return f;
    }
    long n = integral(v, Long.MIN_VALUE, Long.MAX_VALUE);
    if ((long) (double) n != n) {
      throw new ArithmeticException("it does not fit a double exactly");
    }
    return n;
  }

  private static BigDecimal decimal(Object v, DecimalType type) {
    BigDecimal d = v instanceof BigDecimal b ? b : BigDecimal.valueOf(integral(v, Long.MIN_VALUE, Long.MAX_VALUE));
    BigDecimal scaled;
    try {
      scaled = d.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new ArithmeticException("it has more than " + type.scale() + " digits after the point");
    }
    if (scaled.precision() > type.precision()) {
      throw new ArithmeticException("it has more than " + type.precision() + " digits");
    }
    return scaled;
  }

  private static IllegalArgumentException mismatch(String column, DataType type, Object value, String reason) {
    return new IllegalArgumentException("column \"" + column + "\" is " + type.simpleString() + ", got "
        + describe(value) + (reason == null || reason.isEmpty() ? "" : ": " + reason));
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return value.getClass().getSimpleName() + " " + text;
  }
}
