package io.delta4j.data;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.util.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one data file as Delta computes them (PROTOCOL.md, "Per-file Statistics"):
 * {@code numRecords}, then {@code minValues}, {@code maxValues} and {@code nullCount}, nested
 * objects mirroring the schema (physical names under column mapping). {@code tightBounds} is left
 * out: absent means true, which holds for a freshly written file.
 *
 * <p>Which leaves are indexed, as in Delta's {@code StatisticsCollection}: a leaf is a non-struct
 * column (an array or a map counts as one leaf, its contents get nothing); the first {@code
 * delta.dataSkippingNumIndexedCols} leaves in schema order, or the leaves under the columns of
 * {@code delta.dataSkippingStatsColumns} when that is set. Every indexed leaf gets a {@code
 * nullCount} (a leaf under a null struct counts as null); min/max only for Delta's
 * skipping-eligible types: numbers, decimal, date, timestamp, timestamp_ntz and string.
 */
final class DataFileStats {
  /** Delta's {@code spark.databricks.io.skipping.stringPrefixLength}. */
  static final int STRING_PREFIX_LENGTH = 32;

  private static final DateTimeFormatter NTZ_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
  private static final String ASCII_MAX = "\u007F";
  private static final String UTF8_MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

  /** One indexed leaf: its key path (physical names) and running values. */
  static final class Leaf {
    final List<String> path;
    final DataType type;
    final boolean minMax;
    long nullCount;
    Object min;
    Object max;

    Leaf(List<String> path, DataType type) {
      this.path = List.copyOf(path);
      this.type = type;
      this.minMax = eligible(type);
    }

    void addNull() {
      nullCount++;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void add(Object value) {
      if (!minMax) {
        return;
      }
      if (min == null) {
        min = value;
        max = value;
      } else if (compare(value, min) < 0) {
        min = value; // a new minimum cannot be a new maximum: one comparison saved
      } else if (compare(value, max) > 0) {
        max = value;
      }
    }
  }

  private final List<Leaf> leaves = new ArrayList<>();

  Leaf leaf(List<String> path, DataType type) {
    Leaf leaf = new Leaf(path, type);
    leaves.add(leaf);
    return leaf;
  }

  static boolean eligible(DataType type) {
    if (type instanceof DecimalType) {
      return true;
    }
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, DATE, TIMESTAMP, TIMESTAMP_NTZ, STRING -> true;
        default -> false;
      };
    }
    return false;
  }

  /**
   * Spark's ordering: strings by UTF-8 bytes (code point order, unlike {@link String#compareTo}),
   * NaN above every other float or double.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y); // Spark: -0.0 == 0.0
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Float.compare(x == 0.0f ? 0.0f : x, y == 0.0f ? 0.0f : y);
    }
    return ((Comparable) a).compareTo(b);
  }

  static int compareCodePoints(String x, String y) {
    int n = Math.min(x.length(), y.length());
    for (int k = 0; k < n; k++) {
      char a = x.charAt(k);
      char b = y.charAt(k);
      if (a != b) {
        // UTF-16 order equals code point order except where a surrogate meets a char above it.
        return Character.isSurrogate(a) || Character.isSurrogate(b) ? bySupplementaryCodePoints(x, y) : a - b;
      }
    }
    return x.length() - y.length();
  }

  private static int bySupplementaryCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int a = x.codePointAt(i);
      int b = y.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }

  /**
   * Delta's {@code truncateMinStringAgg}: the first {@code prefix} UTF-16 chars, one more when
   * that would split a surrogate pair. A prefix sorts at or below the string.
   */
  static String truncateMin(String s, int prefix) {
    if (s.length() <= prefix) {
      return s;
    }
    if (Character.isHighSurrogate(s.charAt(prefix - 1)) && Character.isLowSurrogate(s.charAt(prefix))) {
      return s.substring(0, prefix + 1);
    }
    return s.substring(0, prefix);
  }

  /**
   * Delta's {@code truncateMaxStringAgg} (Delta 3.3 and later): the min prefix followed by a
   * tie-breaker that sorts above the cut-off character in UTF-8 byte order: U+007F when the next
   * char is below it, else U+10FFFF; characters that are themselves U+10FFFF are kept and the
   * prefix extended. Beyond {@code 2 * prefix} chars no bound exists and the max is left out
   * (null). Older Delta appended U+FFFD after skipping chars at or above it, which is not an upper
   * bound for supplementary characters in UTF-8 order; readers accept both.
   */
  static String truncateMax(String s, int prefix) {
    if (s.length() <= prefix) {
      return s;
    }
    int limit = 2 * prefix;
    int len = truncateMin(s, prefix).length();
    while (len <= limit) {
      if (len >= s.length()) {
        return s;
      } else if (len + 1 < s.length() && s.startsWith(UTF8_MAX, len)) {
        len += 2;
      } else if (s.charAt(len) < ASCII_MAX.charAt(0)) {
        return s.substring(0, len) + ASCII_MAX;
      } else {
        return s.substring(0, len) + UTF8_MAX;
      }
    }
    return null;
  }

  /** The stats JSON for a file of {@code numRecords} rows. */
  String toJson(long numRecords) {
    Map<String, Object> min = new LinkedHashMap<>();
    Map<String, Object> max = new LinkedHashMap<>();
    Map<String, Object> nulls = new LinkedHashMap<>();
    for (Leaf leaf : leaves) {
      put(nulls, leaf.path, leaf.nullCount);
      if (leaf.min != null) {
        put(min, leaf.path, jsonValue(leaf.type, leaf.min, false));
        Object hi = jsonValue(leaf.type, leaf.max, true);
        if (hi != null) {
          put(max, leaf.path, hi);
        }
      }
    }
    return Json.toJson(gen -> {
      gen.writeStartObject();
      gen.writeNumberField("numRecords", numRecords);
      if (!min.isEmpty()) {
        gen.writeFieldName("minValues");
        write(gen, min);
      }
      if (!max.isEmpty()) {
        gen.writeFieldName("maxValues");
        write(gen, max);
      }
      if (!nulls.isEmpty()) {
        gen.writeFieldName("nullCount");
        write(gen, nulls);
      }
      gen.writeEndObject();
    });
  }

  /**
   * The JSON form Delta writes: strings truncated, timestamps truncated to milliseconds (readers
   * widen a max by 1 ms) as ISO-8601 with {@code Z}, timestamp_ntz without a zone, dates
   * {@code yyyy-MM-dd}.
   */
  private static Object jsonValue(DataType type, Object v, boolean isMax) {
    if (v instanceof String s) {
      return isMax ? truncateMax(s, STRING_PREFIX_LENGTH) : truncateMin(s, STRING_PREFIX_LENGTH);
    }
    if (v instanceof Instant t) {
      return TypedValues.STATS_TIMESTAMP.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
    if (v instanceof LocalDateTime t) {
      return NTZ_MILLIS.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, List<String> path, Object value) {
    Map<String, Object> m = root;
    for (int i = 0; i < path.size() - 1; i++) {
      m = (Map<String, Object>) m.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
    }
    m.put(path.get(path.size() - 1), value);
  }

  private static void write(JsonGenerator gen, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeFieldName((String) e.getKey());
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (value instanceof Long l) {
      gen.writeNumber(l);
    } else if (value instanceof Integer i) {
      gen.writeNumber(i);
    } else if (value instanceof Short s) {
      gen.writeNumber(s);
    } else if (value instanceof Byte b) {
      gen.writeNumber(b);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        gen.writeString(d.toString()); // as Spark's JSON writer
      } else {
        gen.writeNumber(d);
      }
    } else if (value instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        gen.writeString(f.toString());
      } else {
        gen.writeNumber(f);
      }
    } else if (value instanceof BigDecimal d) {
      gen.writeNumber(d.toPlainString());
    } else {
      gen.writeString(value.toString());
    }
  }
}
