package io.delta4j.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON values (field metadata, commit provenance) as plain Java objects, read and written
 * with Jackson's streaming API so that no tree model is needed. Values are {@code null},
 * {@link String}, {@link Boolean}, {@link Long} / {@link BigInteger} for integers,
 * {@link Double} / {@link BigDecimal} for fractions, unmodifiable {@link List} and insertion-ordered
 * unmodifiable {@link Map}; writing them back gives the same JSON.
 */
public final class JsonValues {
  private JsonValues() {}

  /** Reads the value starting at the parser's current token; leaves the parser on its last token. */
  public static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("No JSON value");
    }
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, read(parser));
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(parser));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        // Keep the exact decimal text when a double would not round-trip it.
        BigDecimal exact = parser.getDecimalValue();
        double d = exact.doubleValue();
        return BigDecimal.valueOf(d).compareTo(exact) == 0 ? (Object) d : exact;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("Unexpected JSON token " + token);
    }
  }

  /** Writes a value made of the types {@link #read} returns. */
  public static void write(JsonGenerator gen, Object value) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String s) {
      gen.writeString(s);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Long l) {
      gen.writeNumber(l);
    } else if (value instanceof Integer i) {
      gen.writeNumber(i);
    } else if (value instanceof BigInteger bi) {
      gen.writeNumber(bi);
    } else if (value instanceof Double d) {
      gen.writeNumber(d);
    } else if (value instanceof BigDecimal bd) {
      gen.writeNumber(bd);
    } else if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeFieldName(String.valueOf(e.getKey()));
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (value instanceof List<?> list) {
      gen.writeStartArray();
      for (Object item : list) {
        write(gen, item);
      }
      gen.writeEndArray();
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
    }
  }
}
