package io.delta4j.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one action field at the parser's current token. Each read checks the JSON type
 * and names the field ({@code "add.size"}) in its error, so that a bad line says exactly what is
 * wrong. {@link #nextField} hides fields whose value is JSON null before these are called (the
 * log's writers use null and absence interchangeably); only inside string maps is null a value.
 */
final class JsonFields {
  private static final int MAX_SHOWN_CHARS = 60;

  private JsonFields() {}

  static String string(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(p, field, "a string");
    }
    return p.getText();
  }

  static long int64(JsonParser p, String field) throws IOException {
    checkInteger(p, field);
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new MalformedActionException(
          "field \"" + field + "\" must fit in a 64-bit integer, was " + p.getText());
    }
    return p.getLongValue();
  }

  static int int32(JsonParser p, String field) throws IOException {
    checkInteger(p, field);
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw new MalformedActionException(
          "field \"" + field + "\" must fit in a 32-bit integer, was " + p.getText());
    }
    return p.getIntValue();
  }

  static boolean bool(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    throw wrongType(p, field, "a boolean");
  }

  /**
   * A {@code Map[String, String]} of the protocol. A JSON null value stays a null value: for
   * partition values it means a null partition (PROTOCOL.md, "Partition Value Serialization").
   */
  static Map<String, String> stringMap(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(p, field, "an object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      map.put(key, p.nextToken() == JsonToken.VALUE_NULL ? null : string(p, field + "." + key));
    }
    return map;
  }

  /** An {@code Array[String]} of the protocol; null elements are not allowed. */
  static List<String> stringList(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(p, field, "an array");
    }
    List<String> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(string(p, field + "[" + list.size() + "]"));
    }
    return list;
  }

  static void expectObject(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(p, field, "an object");
    }
  }

  /** The next field of the current object with its value token current, or null at its end. */
  static String nextField(JsonParser p) throws IOException {
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (p.nextToken() != JsonToken.VALUE_NULL) {
        return name;
      }
    }
    return null;
  }

  static void require(boolean present, String action, String field)
      throws MalformedActionException {
    if (!present) {
      throw missing(action, field);
    }
  }

  static MalformedActionException missing(String action, String field) {
    return new MalformedActionException(
        "action \"" + action + "\" is missing required field \"" + field + "\"");
  }

  /** The current value as a message shows it: scalars as JSON (long strings cut), else its kind. */
  static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        String s = p.getText();
        String shown = s.length() > MAX_SHOWN_CHARS ? s.substring(0, MAX_SHOWN_CHARS) + "..." : s;
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
      default:
        return p.getText();
    }
  }

  private static void checkInteger(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      throw new MalformedActionException(
          "field \"" + field + "\" must be an integer, was " + p.getText());
    }
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(p, field, "a number");
    }
  }

  private static MalformedActionException wrongType(JsonParser p, String field, String expected)
      throws IOException {
    return new MalformedActionException(
        "field \"" + field + "\" must be " + expected + ", was " + describe(p));
  }

  /** A line that is valid JSON but not a valid action; the message is the detail of the error. */
  static final class MalformedActionException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedActionException(String detail) {
      super(detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // the message names file, line and field; a stack trace adds only cost
    }
  }
}
