package io.delta4j.data;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.util.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes {@code stats_parsed} as the JSON {@code stats} string Delta would have written
 * (PROTOCOL.md, "Per-file Statistics"), so that downstream code handles one format: dates as
 * {@code yyyy-MM-dd}, timestamps as ISO-8601 in UTC with milliseconds and {@code Z} (the form
 * Delta and delta-rs write, whatever the Parquet annotation says: delta-rs marks UTC timestamps as
 * not adjusted), NaN and infinities as strings (as Spark's JSON writer does), nulls left out.
 */
final class StatsJson {
  private StatsJson() {}

  static String write(Map<String, Object> stats) {
    return Json.toJson(gen -> writeValue(gen, stats));
  }

  private static void writeValue(JsonGenerator gen, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null && !(e.getValue() instanceof byte[])) {
          gen.writeFieldName((String) e.getKey());
          writeValue(gen, e.getValue());
        }
      }
      gen.writeEndObject();
    } else if (value instanceof Long l) {
      gen.writeNumber(l);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        gen.writeString(d.toString());
      } else {
        gen.writeNumber(d);
      }
    } else if (value instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        gen.writeString(f.toString());
      } else {
        gen.writeNumber(f);
      }
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      gen.writeNumber(d);
    } else if (value instanceof LocalDate d) {
      gen.writeString(d.toString());
    } else if (value instanceof Instant t) {
      gen.writeString(TypedValues.STATS_TIMESTAMP.format(t));
    } else {
      gen.writeString(value.toString());
    }
  }
}
