package io.delta4j.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The one shared Jackson factory (thread-safe, and costly to create) and small JSON helpers. */
public final class Json {
  public static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  /** Something that writes JSON to a generator. */
  @FunctionalInterface
  public interface Writer {
    void write(JsonGenerator gen) throws IOException;
  }

  /** Runs {@code writer} into a string. */
  public static String toJson(Writer writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      writer.write(gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
