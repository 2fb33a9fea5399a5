package io.delta4j.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.util.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code commitInfo} (PROTOCOL.md, "Commit Provenance Information"). The spec lets
 * implementations store any JSON there, so the whole object is copied token by token, numbers
 * exactly as written, into compact JSON text while the common fields are picked out.
 *
 * <p>Only {@code inCommitTimestamp} is checked strictly: the protocol gives it a meaning ("In-Commit
 * Timestamps") and a wrong type there must not silently change commit times. The other fields are
 * conventions of engines, not protocol; one with an unexpected type is left out of the record but
 * kept in the JSON, so that provenance from an unfamiliar engine never makes a table unreadable.
 */
final class CommitInfoReader {
  private CommitInfoReader() {}

  /** Reads the object at the parser's {@code START_OBJECT}. */
  static CommitInfo read(JsonParser p) throws IOException {
    JsonFields.expectObject(p, "commitInfo");
    OptionalLong timestamp = OptionalLong.empty();
    OptionalLong inCommitTimestamp = OptionalLong.empty();
    Optional<String> operation = Optional.empty();
    Map<String, String> operationParameters = Map.of();
    OptionalLong readVersion = OptionalLong.empty();
    Optional<String> isolationLevel = Optional.empty();
    Optional<Boolean> isBlindAppend = Optional.empty();
    Map<String, String> operationMetrics = Map.of();
    Optional<String> engineInfo = Optional.empty();
    Optional<String> txnId = Optional.empty();
    Optional<String> userMetadata = Optional.empty();

    StringWriter json = new StringWriter(256);
    try (JsonGenerator gen = Json.FACTORY.createGenerator(json)) {
      gen.writeStartObject();
      String name;
      while ((name = p.nextFieldName()) != null) {
        p.nextToken();
        gen.writeFieldName(name);
        switch (name) {
          case "timestamp" -> timestamp = looseLong(p);
          case "inCommitTimestamp" -> {
            if (p.currentToken() != JsonToken.VALUE_NULL) {
              inCommitTimestamp = OptionalLong.of(JsonFields.int64(p, "commitInfo.inCommitTimestamp"));
            }
          }
          case "operation" -> operation = looseString(p);
          case "readVersion" -> readVersion = looseLong(p);
          case "isolationLevel" -> isolationLevel = looseString(p);
          case "isBlindAppend" -> isBlindAppend = looseBoolean(p);
          case "engineInfo" -> engineInfo = looseString(p);
          case "txnId" -> txnId = looseString(p);
          case "userMetadata" -> userMetadata = looseString(p);
          case "operationParameters", "operationMetrics" -> {
            if (p.currentToken() == JsonToken.START_OBJECT) {
              Map<String, String> map = copyTextMap(p, gen);
              if (name.equals("operationParameters")) {
                operationParameters = map;
              } else {
                operationMetrics = map;
              }
              continue; // already copied
            }
          }
          default -> { }
        }
        copy(p, gen);
      }
      gen.writeEndObject();
    }
    return new CommitInfo(timestamp, inCommitTimestamp, operation, operationParameters,
        readVersion, isolationLevel, isBlindAppend, operationMetrics, engineInfo, txnId,
        userMetadata, json.toString());
  }

  /**
   * Copies an object of parameters or metrics, mapping each key to its string value, or to the
   * value's JSON text when it is not a string (golden table
   * commit-info-containing-arbitrary-operationParams-types has booleans there). A JSON null
   * stays null, so that it is not confused with the string "null".
   */
  private static Map<String, String> copyTextMap(JsonParser p, JsonGenerator gen)
      throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    gen.writeStartObject();
    String key;
    while ((key = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      gen.writeFieldName(key);
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        StringWriter text = new StringWriter();
        try (JsonGenerator side = Json.FACTORY.createGenerator(text)) {
          copy(p, side);
        }
        map.put(key, text.toString());
        gen.writeRawValue(text.toString());
      } else {
        map.put(key, t == JsonToken.VALUE_NULL ? null : p.getText());
        copyEvent(p, gen);
      }
    }
    gen.writeEndObject();
    return map;
  }

  /** Copies the value at the current token. */
  private static void copy(JsonParser p, JsonGenerator gen) throws IOException {
    JsonToken t = p.currentToken();
    int depth = 0;
    while (true) {
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        depth++;
      } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        depth--;
      }
      copyEvent(p, gen);
      if (depth == 0) {
        return;
      }
      t = p.nextToken();
    }
  }

  /**
   * Copies one token; numbers go through as their text, since even Jackson's "exact" copy
   * rewrites {@code 1e3} as {@code 1E+3}.
   */
  private static void copyEvent(JsonParser p, JsonGenerator gen) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      gen.writeNumber(p.getText());
    } else {
      gen.copyCurrentEvent(p);
    }
  }

  private static OptionalLong looseLong(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
        ? OptionalLong.of(p.getLongValue())
        : OptionalLong.empty();
  }

  private static Optional<String> looseString(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
  }

  private static Optional<Boolean> looseBoolean(JsonParser p) {
    JsonToken t = p.currentToken();
    return t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE
        ? Optional.of(t == JsonToken.VALUE_TRUE)
        : Optional.empty();
  }
}
