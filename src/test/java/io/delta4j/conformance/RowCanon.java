package io.delta4j.conformance;

import io.delta4j.Row;
import io.delta4j.VariantValue;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Turns rows into comparable text, so that two multisets of rows can be compared exactly. Every
 * non-null leaf value carries its Delta type: {@code long:5} and {@code int:5} differ, as do
 * {@code decimal(5,2):1.00} and {@code decimal(5,1):1.0}. The encodings:
 *
 * <ul>
 *   <li>byte, short, int, long: the number; float, double: Java's shortest round-trip text (so
 *       {@code 3.4f} and the double {@code 3.4000000953674316} stay apart);
 *   <li>decimal(p,s): the exact value with its scale ({@code toPlainString});
 *   <li>string: quoted, with control characters escaped; binary: hex; boolean: true/false;
 *   <li>date: days since 1970-01-01; timestamp: microseconds since the epoch (UTC);
 *       timestamp_ntz: microseconds since 1970-01-01T00:00 (no zone); variant: hex of metadata and
 *       value;
 *   <li>struct: {@code {name=value, ...}} in field-name order (so column order does not matter,
 *       names do, case included); array: {@code [v, ...]} in order; map: {@code {k->v, ...}}
 *       sorted (a map has no order); null: {@code null}, untyped.
 * </ul>
 *
 * <p>A value whose Java class is not the one {@link Row} promises for its type renders as
 * {@code <type>!<class>:<value>}, which never equals an expected value.
 *
 * <p><b>Loose decimals.</b> When the expected rows come from a file whose column type differs
 * from the table's only in decimal precision and scale (or nullability), that column is rendered
 * with {@link #looseDecimals}: decimals as {@code decimal:} and the value with trailing zeros
 * stripped, so {@code 1.00} equals {@code 1.0}. Everywhere else the scale counts.
 */
public final class RowCanon {
  private final Set<String> looseColumns;
  private final Map<StructType, int[]> orders = new IdentityHashMap<>();

  private RowCanon(Set<String> looseColumns) {
    this.looseColumns = Set.copyOf(looseColumns);
  }

  /** Exact rendering: types, decimal scales and all. */
  public static RowCanon exact() {
    return new RowCanon(Set.of());
  }

  /** Exact, except that decimals in these top-level columns are compared by value only. */
  static RowCanon looseDecimals(Set<String> columns) {
    return new RowCanon(columns);
  }

  /** The row as {@code {name=value, ...}}, fields sorted by name. */
  public String row(Row row) {
    return fields(row.schema(), i -> row.isNullAt(i) ? null : row.get(i));
  }

  /**
   * Top-level fields given as values of the Java classes {@link Row} uses ({@code null} for null),
   * rendered exactly as {@link #row} renders a row with that schema and those values.
   */
  String fields(StructType schema, IntFunction<Object> valueAt) {
    StringBuilder out = new StringBuilder("{");
    int[] order = order(schema);
    for (int k = 0; k < order.length; k++) {
      StructField f = schema.fields().get(order[k]);
      out.append(k == 0 ? "" : ", ").append(f.name()).append('=')
          .append(value(f.type(), valueAt.apply(order[k]), looseColumns.contains(f.name())));
    }
    return out.append('}').toString();
  }

  private String struct(StructType schema, Row row, boolean loose) {
    StringBuilder out = new StringBuilder("{");
    int[] order = order(schema);
    for (int k = 0; k < order.length; k++) {
      StructField f = schema.fields().get(order[k]);
      int i = order[k];
      out.append(k == 0 ? "" : ", ").append(f.name()).append('=')
          .append(value(f.type(), row.isNullAt(i) ? null : row.get(i), loose));
    }
    return out.append('}').toString();
  }

  /** The field ordinals sorted by name, cached per schema instance (rows of one scan share theirs). */
  private int[] order(StructType schema) {
    return orders.computeIfAbsent(schema, s -> IntStream.range(0, s.length()).boxed()
        .sorted(Comparator.comparing(i -> s.fields().get(i).name()))
        .mapToInt(Integer::intValue)
        .toArray());
  }

  private String value(DataType type, Object v, boolean loose) {
    if (v == null) {
      return "null";
    }
    if (type instanceof DecimalType d) {
      if (!(v instanceof BigDecimal b)) {
        return wrongClass(type, v);
      }
      return loose ? "decimal:" + strip(b) : d.simpleString() + ":" + b.toPlainString();
    }
    if (type instanceof StructType s) {
      return v instanceof Row r ? struct(s, r, loose) : wrongClass(type, v);
    }
    if (type instanceof ArrayType a) {
      if (!(v instanceof List<?> list)) {
        return wrongClass(type, v);
      }
      List<String> out = new ArrayList<>();
      for (Object e : list) {
        out.add(value(a.elementType(), e, loose));
      }
      return "[" + String.join(", ", out) + "]";
    }
    if (type instanceof MapType m) {
      if (!(v instanceof Map<?, ?> map)) {
        return wrongClass(type, v);
      }
      List<String> out = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.add(value(m.keyType(), e.getKey(), loose) + "->" + value(m.valueType(), e.getValue(), loose));
      }
      out.sort(null);
      return "{" + String.join(", ", out) + "}";
    }
    PrimitiveType p = (PrimitiveType) type;
    String text = switch (p) {
      case BOOLEAN -> v instanceof Boolean b ? b.toString() : null;
      case BYTE -> v instanceof Byte b ? b.toString() : null;
      case SHORT -> v instanceof Short s ? s.toString() : null;
      case INTEGER -> v instanceof Integer i ? i.toString() : null;
      case LONG -> v instanceof Long l ? l.toString() : null;
      case FLOAT -> v instanceof Float f ? f.toString() : null;
      case DOUBLE -> v instanceof Double d ? d.toString() : null;
      case STRING -> v instanceof String s ? quote(s) : null;
      case BINARY -> v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : null;
      case DATE -> v instanceof LocalDate d ? Long.toString(d.toEpochDay()) : null;
      case TIMESTAMP -> v instanceof Instant t ? micros(t.getEpochSecond(), t.getNano()) : null;
      case TIMESTAMP_NTZ -> v instanceof LocalDateTime t
          ? micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano())
          : null;
      case VARIANT -> v instanceof VariantValue x
          ? HexFormat.of().formatHex(x.metadata()) + "/" + HexFormat.of().formatHex(x.value())
          : null;
      case VOID -> null; // a void column holds only nulls
    };
    return text == null ? wrongClass(type, v) : p.simpleString() + ":" + text;
  }

  /** Microseconds, with any sub-microsecond rest shown (it would be a reader bug). */
  private static String micros(long seconds, int nanos) {
    long us = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
    return nanos % 1000 == 0 ? Long.toString(us) : us + "+" + (nanos % 1000) + "ns";
  }

  static String strip(BigDecimal b) {
    return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
  }

  private static String wrongClass(DataType type, Object v) {
    return type.simpleString() + "!" + v.getClass().getSimpleName() + ":" + v;
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
