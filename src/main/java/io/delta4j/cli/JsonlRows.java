package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.types.StructType;
import io.delta4j.util.Json;
import java.io.IOException;
import java.util.Map;

/**
 * JSON lines: one object per record, read with Jackson's streaming parser. Objects may also span
 * lines or share one, and the whole input may be one JSON array of objects; a record's line is
 * where its object starts. Keys are column names (matched ignoring case when no column has the
 * exact name); a missing key is a null; a key twice in one object is an error.
 */
final class JsonlRows extends RowSource {
  private final JsonParser parser;
  private final StructType schema;
  private boolean started;
  private boolean inArray;
  private long recordLine;

  JsonlRows(String name, CountingInputStream in, StructType schema) throws IOException {
    super(name, in);
    this.parser = Json.FACTORY.createParser(in);
    parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.schema = schema;
  }

  @Override
  Map<String, Object> read() throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (!started) {
        started = true;
        if (token == JsonToken.START_ARRAY) {
          inArray = true;
          token = parser.nextToken();
        }
      }
      recordLine = parser.currentTokenLocation().getLineNr();
      if (token == null || (inArray && token == JsonToken.END_ARRAY)) {
        return end(token);
      }
      if (token != JsonToken.START_OBJECT) {
        throw new RowInputException("expected a JSON object (one row), got " + parser.getText());
      }
      return TypedJson.struct(parser, schema, "");
    } catch (JsonEOFException e) {
      throw new RowInputException("invalid JSON: the input ends inside this record"); // at the line where it starts
    } catch (JsonProcessingException e) {
      recordLine = e.getLocation() == null ? recordLine : e.getLocation().getLineNr();
      throw new RowInputException("invalid JSON: " + e.getOriginalMessage());
    }
  }

  /** At the end of the input, or of its one array, after which nothing may follow. */
  private Map<String, Object> end(JsonToken token) throws IOException {
    if (token != null && parser.nextToken() != null) {
      recordLine = parser.currentTokenLocation().getLineNr();
      throw new RowInputException("expected the end of the input after the closing ], got " + parser.getText());
    }
    return null;
  }

  @Override
  long recordLine() {
    return recordLine;
  }

  @Override
  public void close() throws IOException {
    try {
      parser.close();
    } finally {
      super.close();
    }
  }
}
