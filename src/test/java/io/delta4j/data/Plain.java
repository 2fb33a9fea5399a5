package io.delta4j.data;

import io.delta4j.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows as plain, comparable Java values for assertions: a row or struct becomes a list of its
 * values, a map a map sorted by key text, {@code byte[]} its hex text (arrays have identity
 * equality). Everything else stays as the reader returned it, so types are compared too.
 */
final class Plain {
  private Plain() {}

  static List<Object> row(Row row) {
    List<Object> out = new ArrayList<>(row.schema().length());
    for (int i = 0; i < row.schema().length(); i++) {
      out.add(value(row.get(i)));
    }
    return out;
  }

  static Object value(Object v) {
    if (v instanceof Row r) {
      return row(r);
    }
    if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object e : list) {
        out.add(value(e));
      }
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new TreeMap<>(Comparator.comparing(String::valueOf));
      map.forEach((k, x) -> out.put(value(k), value(x)));
      return out;
    }
    return v;
  }

  /** The rows as plain values, sorted by their text, for comparison as multisets. */
  static List<List<Object>> sorted(List<Row> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(row(r));
    }
    out.sort(Comparator.comparing(String::valueOf));
    return out;
  }
}
