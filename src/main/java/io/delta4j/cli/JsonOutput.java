package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.delta4j.log.action.Protocol;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.io.PrintWriter;

/** JSON output of the CLI: pretty-printed, and never closing the terminal's stream. */
final class JsonOutput {
  private JsonOutput() {}

  static JsonGenerator generator(PrintWriter out) throws IOException {
    JsonGenerator gen = Json.FACTORY.createGenerator(out);
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    gen.useDefaultPrettyPrinter();
    return gen;
  }

  /** Embeds a JSON document (such as the schema string) as a value rather than as a string. */
  static void writeRaw(JsonGenerator gen, String json) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      parser.nextToken();
      JsonValues.write(gen, JsonValues.read(parser));
    }
  }

  static void writeProtocol(JsonGenerator gen, Protocol p) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("minReaderVersion", p.minReaderVersion());
    gen.writeNumberField("minWriterVersion", p.minWriterVersion());
    if (p.hasReaderFeatures()) {
      gen.writeArrayFieldStart("readerFeatures");
      for (String f : p.readerFeatures()) {
        gen.writeString(f);
      }
      gen.writeEndArray();
    }
    if (p.hasWriterFeatures()) {
      gen.writeArrayFieldStart("writerFeatures");
      for (String f : p.writerFeatures()) {
        gen.writeString(f);
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }
}
