package io.delta4j.conformance;

import io.delta4j.ListRow;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code expected} column of {@code rows} and {@code rowCount} cases (see the header of
 * cases.tsv):
 *
 * <pre>
 * rows      [where EXPR =&gt; ] parquet:DIR [except COLUMN, ...]
 *           [where EXPR =&gt; ] arrowtext:FILE
 *           [where EXPR =&gt; ] COLUMNS = VALUES
 * rowCount  [where EXPR =&gt; ] N
 *
 * COLUMNS := name:type (, name:type)*       -- the columns compared (the scan selects them)
 * VALUES  := none | item (, item)*
 * item    := literal | a..b | literal*N      -- one column: a value, an inclusive integer range, a repeat
 *          | (literal, ...) | (literal, ...)*N -- several columns: one row, or one row N times
 * </pre>
 *
 * EXPR is {@link Predicates#parse} text; the scan is filtered by it. DIR is relative to the corpus
 * root; every {@code *.parquet} file under it (hidden and {@code _} files ignored) is read with its
 * own Parquet schema; the top-level columns after {@code except} are left out on both sides (for an
 * expected file known to be wrong in that column, which another case then checks). FILE is an
 * Arrow pretty table ({@link ArrowText}), read by the table's column types. Types are Delta's simple names ({@code int long short byte float double
 * boolean string binary date timestamp timestamp_ntz decimal(p,s)}, and {@code array<T>}, {@code map<K,V>},
 * {@code struct<name:T,...>}). Literals: numbers as written; {@code [v, ...]} for arrays,
 * {@code {k -> v, ...}} for maps, {@code {name: v, ...}} (every field) for structs;
 * {@code 'text'} with {@code ''} for a quote; {@code X'0a0b'}; {@code true}/{@code false};
 * {@code null}; dates {@code 2021-09-08}; timestamps as microseconds since the epoch or ISO-8601 with
 * an offset ({@code 2020-01-01T08:09:10.001Z}); timestamp_ntz as microseconds or ISO-8601 without
 * offset; a decimal gets its column's scale ({@code 1} in decimal(5,2) is {@code 1.00}), and a
 * literal that needs rounding is refused.
 */
final class RowExpectation {
  private static final String WHERE = "where ";
  private static final String ARROW = " => ";
  private static final String PARQUET = "parquet:";
  private static final String EXCEPT = " except ";
  private static final String ARROW_TEXT = "arrowtext:";

  private RowExpectation() {}

  /** The body of a {@code rows} case. */
  sealed interface Rows permits ParquetRows, ArrowTextRows, InlineRows {}

  /** Expected rows in an Arrow pretty table (see {@link ArrowText}), relative to the corpus root. */
  record ArrowTextRows(String file) implements Rows {}

  /**
   * Expected rows in the Parquet files under {@code dir} (relative to the corpus root), compared
   * on every column but the {@code excluded} top-level ones.
   */
  record ParquetRows(String dir, List<String> excluded) implements Rows {}

  /**
   * Expected rows stated in the case: the columns (logical names and types) and the values, as Java
   * objects of the classes {@link io.delta4j.Row} uses.
   */
  record InlineRows(StructType columns, List<List<Object>> rows) implements Rows {
    List<String> names() {
      return columns.fieldNames();
    }
  }

  /** A filter (optional) and what it applies to. */
  record Filtered<T>(Optional<String> where, T body) {
    Optional<Predicate> predicate() {
      return where.map(Predicates::parse);
    }

    String describe() {
      return where.map(w -> " where " + w).orElse("");
    }
  }

  static Filtered<Rows> parseRows(String text) {
    Filtered<String> f = splitWhere(text);
    String body = f.body();
    if (body.startsWith(PARQUET)) {
      String rest = body.substring(PARQUET.length()).trim();
      int except = rest.indexOf(EXCEPT);
      String dir = except < 0 ? rest : rest.substring(0, except).trim();
      List<String> excluded = except < 0 ? List.of() : splitTopLevel(rest.substring(except + EXCEPT.length()));
      if (dir.isEmpty() || dir.startsWith("/") || dir.contains("..") || dir.contains(" ")) {
        throw new IllegalArgumentException("bad rows \"" + text
            + "\": want parquet:<dir relative to the corpus root> [except <column>, ...]");
      }
      return new Filtered<>(f.where(), new ParquetRows(dir, excluded));
    }
    if (body.startsWith(ARROW_TEXT)) {
      String file = body.substring(ARROW_TEXT.length()).trim();
      if (file.isEmpty() || file.startsWith("/") || file.contains("..") || file.contains(" ")) {
        throw new IllegalArgumentException("bad rows \"" + text + "\": want arrowtext:<file relative to the corpus root>");
      }
      return new Filtered<>(f.where(), new ArrowTextRows(file));
    }
    int eq = body.indexOf(" = ");
    if (eq < 0) {
      throw new IllegalArgumentException("bad rows \"" + text
          + "\"; want [where EXPR => ] parquet:<dir> or [where EXPR => ] <name:type,...> = <values>");
    }
    StructType columns = parseColumns(body.substring(0, eq).trim());
    return new Filtered<>(f.where(), new InlineRows(columns, parseValues(columns, body.substring(eq + 3).trim())));
  }

  static Filtered<Long> parseCount(String text) {
    Filtered<String> f = splitWhere(text);
    return new Filtered<>(f.where(), Expectations.parseLong(f.body().trim()));
  }

  private static Filtered<String> splitWhere(String text) {
    if (!text.startsWith(WHERE)) {
      return new Filtered<>(Optional.empty(), text);
    }
    int arrow = -1;
    boolean quoted = false;
    for (int i = WHERE.length(); i < text.length() && arrow < 0; i++) {
      if (text.charAt(i) == '\'') {
        quoted = !quoted; // a doubled quote flips twice
      } else if (!quoted && text.startsWith(ARROW, i)) {
        arrow = i;
      }
    }
    if (arrow < 0) {
      throw new IllegalArgumentException("bad filter in \"" + text + "\"; want where <EXPR> => <expected>");
    }
    String where = text.substring(WHERE.length(), arrow).trim();
    Predicates.parse(where); // fails now, naming the position, rather than when the case runs
    return new Filtered<>(Optional.of(where), text.substring(arrow + ARROW.length()));
  }

  // ---- columns ----

  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

  static StructType parseColumns(String text) {
    List<StructField> fields = new ArrayList<>();
    for (String spec : splitTopLevel(text)) {
      StructField field = parseField(spec);
      if (fields.stream().anyMatch(f -> f.name().equals(field.name()))) {
        throw new IllegalArgumentException("column \"" + field.name() + "\" listed twice");
      }
      fields.add(field);
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("no columns in \"" + text + "\"");
    }
    return new StructType(fields);
  }

  /** {@code name:type}, the name in backquotes when it holds other characters. */
  private static StructField parseField(String spec) {
    int colon;
    String name;
    if (spec.startsWith("`")) {
      int close = spec.indexOf('`', 1);
      colon = close < 0 ? -1 : spec.indexOf(':', close);
      name = close < 0 ? "" : spec.substring(1, close);
    } else {
      colon = spec.indexOf(':');
      name = colon < 0 ? "" : spec.substring(0, colon).trim();
    }
    if (colon <= 0 || name.isEmpty()) {
      throw new IllegalArgumentException("bad column \"" + spec + "\"; want <name>:<type>");
    }
    return new StructField(name, parseType(spec.substring(colon + 1).trim()), true);
  }

  /** A simple type name, {@code decimal(p,s)}, or {@code array<T>}, {@code map<K,V>}, {@code struct<name:T,...>}. */
  static DataType parseType(String text) {
    if (text.endsWith(">")) {
      int open = text.indexOf('<');
      String kind = open < 0 ? "" : text.substring(0, open).trim();
      String inner = text.substring(open + 1, text.length() - 1);
      switch (kind) {
        case "array":
          return new ArrayType(parseType(inner.trim()), true);
        case "map": {
          List<String> kv = splitTopLevel(inner);
          if (kv.size() != 2) {
            throw new IllegalArgumentException("bad map type \"" + text + "\"; want map<K,V>");
          }
          return new MapType(parseType(kv.get(0)), parseType(kv.get(1)), true);
        }
        case "struct": {
          List<StructField> fields = new ArrayList<>();
          for (String spec : splitTopLevel(inner)) {
            fields.add(parseField(spec));
          }
          return new StructType(fields);
        }
        default:
          throw new IllegalArgumentException("unknown type \"" + text + "\"");
      }
    }
    Matcher m = DECIMAL.matcher(text);
    if (m.matches()) {
      return new DecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if (text.equals("int")) {
      return PrimitiveType.INTEGER;
    }
    return PrimitiveType.fromTypeName(text)
        .filter(t -> t != PrimitiveType.VARIANT && t != PrimitiveType.VOID)
        .orElseThrow(() -> new IllegalArgumentException("unknown type \"" + text
            + "\"; want int, long, short, byte, float, double, boolean, string, binary, date, timestamp,"
            + " timestamp_ntz, decimal(p,s), array<T>, map<K,V> or struct<name:T,...>"));
  }

  // ---- values ----

  private static final Pattern REPEAT = Pattern.compile("(.*\\S)\\s*\\*\\s*(\\d+)");

  private static List<List<Object>> parseValues(StructType columns, String text) {
    if (text.equals("none")) {
      return List.of();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String item : splitTopLevel(text)) {
      String body = item;
      int times = 1;
      Matcher repeat = REPEAT.matcher(item); // an item ending in *N (a quoted literal ends in a quote)
      if (repeat.matches()) {
        body = repeat.group(1);
        times = Integer.parseInt(repeat.group(2));
      }
      List<List<Object>> parsed = new ArrayList<>();
      if (columns.length() == 1 && !body.startsWith("(")) {
        DataType type = columns.fields().get(0).type();
        int dots = body.indexOf("..");
        if (dots > 0 && !body.startsWith("'") && isInteger(type)) {
          long from = Long.parseLong(body.substring(0, dots).trim());
          long to = Long.parseLong(body.substring(dots + 2).trim());
          if (to < from) {
            throw new IllegalArgumentException("empty range \"" + body + "\"");
          }
          for (long v = from; v <= to; v++) {
            parsed.add(Collections.singletonList(literal(type, Long.toString(v))));
          }
        } else {
          parsed.add(Collections.singletonList(literal(type, body)));
        }
      } else {
        if (!body.startsWith("(") || !body.endsWith(")")) {
          throw new IllegalArgumentException("bad row \"" + item + "\"; want (v1, v2, ...) for columns "
              + columns.fieldNames());
        }
        List<String> values = splitTopLevel(body.substring(1, body.length() - 1));
        if (values.size() != columns.length()) {
          throw new IllegalArgumentException("row \"" + item + "\" has " + values.size() + " values, want "
              + columns.length() + " for " + columns.fieldNames());
        }
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          row.add(literal(columns.fields().get(i).type(), values.get(i)));
        }
        parsed.add(Collections.unmodifiableList(row));
      }
      for (int i = 0; i < times; i++) {
        rows.addAll(parsed);
      }
    }
    return rows;
  }

  private static boolean isInteger(DataType type) {
    return type == PrimitiveType.BYTE || type == PrimitiveType.SHORT || type == PrimitiveType.INTEGER
        || type == PrimitiveType.LONG;
  }

  private static final Pattern MICROS = Pattern.compile("-?\\d+");

  /** One literal as the Java value {@link io.delta4j.Row} would hold for {@code type}. */
  static Object literal(DataType type, String raw) {
    String text = raw.trim();
    if (text.equals("null")) {
      return null;
    }
    try {
      if (type instanceof ArrayType a) {
        List<Object> out = new ArrayList<>();
        for (String e : items(text, '[', ']')) {
          out.add(literal(a.elementType(), e));
        }
        return Collections.unmodifiableList(out);
      }
      if (type instanceof MapType m) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (String entry : items(text, '{', '}')) {
          int arrow = topLevelIndex(entry, "->");
          if (arrow < 0) {
            throw new IllegalArgumentException("want key -> value in \"" + entry + "\"");
          }
          Object key = literal(m.keyType(), entry.substring(0, arrow));
          if (out.containsKey(key)) {
            throw new IllegalArgumentException("duplicate key " + key);
          }
          out.put(key, literal(m.valueType(), entry.substring(arrow + 2)));
        }
        return Collections.unmodifiableMap(out);
      }
      if (type instanceof StructType st) {
        Object[] values = new Object[st.length()];
        boolean[] seen = new boolean[st.length()];
        for (String entry : items(text, '{', '}')) {
          int colon = topLevelIndex(entry, ":");
          String written = colon < 0 ? "" : entry.substring(0, colon).trim();
          String name = written.length() > 1 && written.startsWith("`") && written.endsWith("`")
              ? written.substring(1, written.length() - 1)
              : written;
          int i = st.indexOf(name);
          if (i < 0 || seen[i]) {
            throw new IllegalArgumentException("want each of " + st.fieldNames() + " once as name: value, found \""
                + entry + "\"");
          }
          seen[i] = true;
          values[i] = literal(st.fields().get(i).type(), entry.substring(colon + 1));
        }
        for (int i = 0; i < seen.length; i++) {
          if (!seen[i]) {
            throw new IllegalArgumentException("no value for field " + st.fields().get(i).name());
          }
        }
        return new ListRow(st, values);
      }
      if (type instanceof DecimalType d) {
        BigDecimal b = new BigDecimal(text).setScale(d.scale(), RoundingMode.UNNECESSARY);
        if (b.precision() > d.precision()) {
          throw new IllegalArgumentException(text + " does not fit " + d.simpleString());
        }
        return b;
      }
      return switch ((PrimitiveType) type) {
        case BOOLEAN -> switch (text) {
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          default -> throw new IllegalArgumentException("not a boolean");
        };
        case BYTE -> Byte.parseByte(text);
        case SHORT -> Short.parseShort(text);
        case INTEGER -> Integer.parseInt(text);
        case LONG -> Long.parseLong(text);
        case FLOAT -> Float.parseFloat(text);
        case DOUBLE -> Double.parseDouble(text);
        case STRING -> unquote(text);
        case BINARY -> {
          if (!(text.startsWith("X'") && text.endsWith("'"))) {
            throw new IllegalArgumentException("want X'<hex>'");
          }
          yield HexFormat.of().parseHex(text.substring(2, text.length() - 1));
        }
        case DATE -> LocalDate.parse(text);
        case TIMESTAMP -> MICROS.matcher(text).matches()
            ? Instant.EPOCH.plusNanos(Math.multiplyExact(Long.parseLong(text), 1000L))
            : OffsetDateTime.parse(text).toInstant();
        case TIMESTAMP_NTZ -> MICROS.matcher(text).matches()
            ? LocalDateTime.ofEpochSecond(Math.floorDiv(Long.parseLong(text), 1_000_000L),
                (int) Math.floorMod(Long.parseLong(text), 1_000_000L) * 1000, ZoneOffset.UTC)
            : LocalDateTime.parse(text);
        case VARIANT, VOID -> throw new IllegalArgumentException("no literals for " + type.simpleString());
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad " + type.simpleString() + " literal \"" + text + "\": " + e.getMessage(), e);
    }
  }

  /** The comma-separated items between {@code open} and {@code close}; none for an empty pair. */
  private static List<String> items(String text, char open, char close) {
    if (text.length() < 2 || text.charAt(0) != open || text.charAt(text.length() - 1) != close) {
      throw new IllegalArgumentException("want " + open + "..." + close);
    }
    String inner = text.substring(1, text.length() - 1).trim();
    return inner.isEmpty() ? List.of() : splitTopLevel(inner);
  }

  /** Where {@code token} first occurs outside quotes and brackets, or -1. */
  private static int topLevelIndex(String text, String token) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        quoted = c != '\'';
      } else if (c == '\'') {
        quoted = true;
      } else if (depth == 0 && text.startsWith(token, i)) {
        return i;
      } else if (c == '(' || c == '[' || c == '{' || c == '<') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}' || c == '>') {
        depth--;
      }
    }
    return -1;
  }

  private static String unquote(String text) {
    if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
      throw new IllegalArgumentException("want 'text'");
    }
    String inner = text.substring(1, text.length() - 1);
    if (inner.replace("''", "").contains("'")) {
      throw new IllegalArgumentException("a quote inside a string must be doubled");
    }
    return inner.replace("''", "'");
  }

  /** Splits at commas outside quotes, backquotes and brackets ({@code ( [ { <}); trims each part. */
  static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    boolean backquoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\'') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i++;
          } else {
            quoted = false;
          }
        }
      } else if (backquoted) {
        backquoted = c != '`';
      } else if (c == '\'') {
        quoted = true;
      } else if (c == '`') {
        backquoted = true;
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
        i++; // a map entry's arrow, not a closing bracket
      } else if (c == '(' || c == '[' || c == '{' || c == '<') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}' || c == '>') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("unbalanced '" + c + "' at " + (i + 1) + " in \"" + text + "\"");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    if (quoted || backquoted || depth != 0) {
      throw new IllegalArgumentException("unclosed quote or bracket in \"" + text + "\"");
    }
    parts.add(text.substring(start).trim());
    for (String p : parts) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException("empty item in \"" + text + "\"");
      }
    }
    return parts;
  }
}
