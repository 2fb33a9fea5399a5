package io.delta4j.conformance;

import io.delta4j.ListRow;
import io.delta4j.VariantValue;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expected rows printed as an Arrow pretty table (kernel-rs's {@code expected-text/*.txt}, made by
 * arrow's {@code pretty_format_batches}): a header row of column names between {@code +---+} rules,
 * then one {@code | v | v |} line per row. The text carries no types, so each cell is read by the
 * type the table gives its column (the values are what is checked): an empty cell or element is
 * null; {@code [a, , b]} an array; {@code {name: v, ...}} a struct; {@code {k: v, ...}} a map (keys
 * unquoted); {@code {metadata: <hex>, value: <hex>}} a variant; numbers and strings as printed
 * (strings unquoted, so a string holding ", " or ": " inside a nested value cannot be read).
 */
final class ArrowText {
  private ArrowText() {}

  /** The header's column names and the rows as values of the classes {@link io.delta4j.Row} uses. */
  record Table(StructType columns, List<List<Object>> rows) {}

  static Table read(Path file, StructType tableSchema) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<List<String>> cells = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("|")) {
        cells.add(splitCells(line));
      } else if (!line.isBlank() && !line.startsWith("+")) {
        throw new IllegalArgumentException(file + ": not an Arrow pretty table line: " + line);
      }
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(file + ": no header");
    }
    List<StructField> fields = new ArrayList<>();
    for (String name : cells.get(0)) {
      fields.add(tableSchema.field(name).orElseThrow(() -> new IllegalArgumentException(
          file + ": column " + name + " is not in the table's schema " + tableSchema.fieldNames())));
    }
    StructType columns = new StructType(fields);
    List<List<Object>> rows = new ArrayList<>();
    for (List<String> row : cells.subList(1, cells.size())) {
      if (row.size() != fields.size()) {
        throw new IllegalArgumentException(file + ": a row has " + row.size() + " cells, the header " + fields.size());
      }
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(value(fields.get(i).type(), row.get(i)));
      }
      rows.add(Collections.unmodifiableList(values));
    }
    return new Table(columns, rows);
  }

  private static List<String> splitCells(String line) {
    String inner = line.strip();
    if (!inner.endsWith("|")) {
      throw new IllegalArgumentException("a table line must end with '|': " + line);
    }
    return Arrays.stream(inner.substring(1, inner.length() - 1).split("\\|", -1)).map(String::strip).toList();
  }

  static Object value(DataType type, String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (type == PrimitiveType.VARIANT) {
      Map<String, String> parts = entries(text);
      if (!parts.keySet().equals(java.util.Set.of("metadata", "value"))) {
        throw new IllegalArgumentException("want {metadata: <hex>, value: <hex>}, found " + text);
      }
      return new VariantValue(HexFormat.of().parseHex(parts.get("metadata")), HexFormat.of().parseHex(parts.get("value")));
    }
    if (type instanceof StructType s) {
      Map<String, String> parts = entries(text);
      Object[] values = new Object[s.length()];
      for (Map.Entry<String, String> e : parts.entrySet()) {
        Optional<StructField> f = s.field(e.getKey());
        if (f.isEmpty()) {
          throw new IllegalArgumentException("no field " + e.getKey() + " in " + s.simpleString());
        }
        values[s.indexOf(e.getKey())] = value(f.get().type(), e.getValue());
      }
      if (parts.size() != s.length()) {
        throw new IllegalArgumentException("want every field of " + s.simpleString() + ", found " + text);
      }
      return new ListRow(s, values);
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      entries(text).forEach((k, v) -> out.put(value(m.keyType(), k), value(m.valueType(), v)));
      return Collections.unmodifiableMap(out);
    }
    if (type instanceof ArrayType a) {
      if (!text.startsWith("[") || !text.endsWith("]")) {
        throw new IllegalArgumentException("want [...], found " + text);
      }
      List<Object> out = new ArrayList<>();
      String inner = text.substring(1, text.length() - 1);
      if (!inner.isBlank()) {
        for (String e : split(inner)) {
          out.add(value(a.elementType(), e));
        }
      }
      return Collections.unmodifiableList(out);
    }
    if (type instanceof DecimalType d) {
      return new BigDecimal(text).setScale(d.scale());
    }
    return switch ((PrimitiveType) type) {
      case BOOLEAN -> Boolean.parseBoolean(text);
      case BYTE -> Byte.parseByte(text);
      case SHORT -> Short.parseShort(text);
      case INTEGER -> Integer.parseInt(text);
      case LONG -> Long.parseLong(text);
      case FLOAT -> Float.parseFloat(text);
      case DOUBLE -> Double.parseDouble(text);
      case STRING -> text;
      default -> throw new IllegalArgumentException("cannot read " + type.simpleString() + " from Arrow text: " + text);
    };
  }

  /** {@code {k: v, ...}} as ordered entries (values may be empty). */
  private static Map<String, String> entries(String text) {
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw new IllegalArgumentException("want {...}, found " + text);
    }
    Map<String, String> out = new LinkedHashMap<>();
    String inner = text.substring(1, text.length() - 1);
    if (inner.isBlank()) {
      return out;
    }
    for (String entry : split(inner)) {
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("want key: value, found " + entry);
      }
      if (out.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip()) != null) {
        throw new IllegalArgumentException("duplicate key in " + text);
      }
    }
    return out;
  }

  /** Splits at ", " outside brackets; an element may be empty (null). */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
