package io.delta4j.log.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.CorruptLogException;
import io.delta4j.log.ActionParser;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.Sidecar;
import io.delta4j.log.checkpoint.LastCheckpoint.V2Checkpoint;
import io.delta4j.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link LastCheckpoint}: strict about types and lenient in outcome, since any problem just
 * makes the whole hint unusable, which costs the caller one listing of the log.
 */
final class LastCheckpointReader {
  private static final Logger LOG = LoggerFactory.getLogger(LastCheckpoint.class);
  private static final String FILE = "_delta_log/_last_checkpoint";

  private LastCheckpointReader() {}

  static Optional<LastCheckpoint> parse(byte[] content, String table) {
    String problem;
    try {
      if (isBlank(content)) {
        problem = "the file is empty";
      } else {
        LastCheckpoint read = read(content, table);
        if (read.checksum().isEmpty()
            || read.checksum().get().equalsIgnoreCase(LastCheckpointChecksum.compute(content))) {
          return Optional.of(read);
        }
        problem = "its checksum " + read.checksum().get() + " does not match its content";
      }
    } catch (IOException | IllegalArgumentException | CorruptLogException e) {
      problem = e.getMessage();
    }
    LOG.debug("{}: ignoring {} and listing the log instead: {}", table, FILE, problem);
    return Optional.empty();
  }

  private static LastCheckpoint read(byte[] content, String table) throws IOException {
    try (JsonParser p = LastCheckpointChecksum.STRICT_FACTORY.createParser(content)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, "it is not a JSON object");
      OptionalLong version = OptionalLong.empty();
      OptionalLong size = OptionalLong.empty();
      OptionalInt parts = OptionalInt.empty();
      OptionalLong sizeInBytes = OptionalLong.empty();
      OptionalLong numOfAddFiles = OptionalLong.empty();
      Optional<String> checkpointSchema = Optional.empty();
      Map<String, String> tags = Map.of();
      Optional<V2Checkpoint> v2 = Optional.empty();
      Optional<String> checksum = Optional.empty();
      String name;
      while ((name = p.nextFieldName()) != null) {
        if (p.nextToken() == JsonToken.VALUE_NULL) {
          continue; // delta-rs writes "parts":null
        }
        switch (name) {
          case "version" -> version = OptionalLong.of(int64(p, name));
          case "size" -> size = OptionalLong.of(int64(p, name));
          case "parts" -> parts = OptionalInt.of(int32(p, name));
          case "sizeInBytes" -> sizeInBytes = OptionalLong.of(int64(p, name));
          case "numOfAddFiles" -> numOfAddFiles = OptionalLong.of(int64(p, name));
          case "checkpointSchema" -> checkpointSchema = Optional.of(
              p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : copy(p));
          case "tags" -> tags = stringMap(p, name);
          case "v2Checkpoint" -> v2 = Optional.of(v2Checkpoint(p, table));
          case "checksum" -> checksum = Optional.of(string(p, name));
          default -> p.skipChildren(); // "Protocol Evolution": unknown fields are ignored
        }
      }
      expect(p.nextToken() == null, "there is content after the JSON object");
      expect(version.isPresent() && size.isPresent(), "it lacks version or size");
      return new LastCheckpoint(version.getAsLong(), size.getAsLong(), parts, sizeInBytes,
          numOfAddFiles, checkpointSchema, tags, v2, checksum);
    }
  }

  private static V2Checkpoint v2Checkpoint(JsonParser p, String table) throws IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT, "v2Checkpoint is not an object");
    String path = null;
    OptionalLong sizeInBytes = OptionalLong.empty();
    OptionalLong modificationTime = OptionalLong.empty();
    Optional<List<Action>> nonFileActions = Optional.empty();
    Optional<List<Sidecar>> sidecarFiles = Optional.empty();
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (p.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "path" -> path = string(p, "v2Checkpoint.path");
        case "sizeInBytes" -> sizeInBytes = OptionalLong.of(int64(p, "v2Checkpoint.sizeInBytes"));
        case "modificationTime" ->
            modificationTime = OptionalLong.of(int64(p, "v2Checkpoint.modificationTime"));
        case "nonFileActions" -> nonFileActions = Optional.of(actions(p, null, table));
        case "sidecarFiles" -> {
          List<Sidecar> sidecars = new ArrayList<>();
          for (Action a : actions(p, ActionType.SIDECAR, table)) {
            sidecars.add((Sidecar) a);
          }
          sidecarFiles = Optional.of(sidecars);
        }
        default -> p.skipChildren();
      }
    }
    expect(path != null && sizeInBytes.isPresent() && modificationTime.isPresent(),
        "v2Checkpoint lacks path, sizeInBytes or modificationTime");
    return new V2Checkpoint(path, sizeInBytes.getAsLong(), modificationTime.getAsLong(),
        nonFileActions, sidecarFiles);
  }

  /**
   * An array of actions, read by the log's own {@link ActionParser}: each element is a whole
   * action ({@code {"protocol":{...}}}), or with {@code wrapAs} just its body (sidecarFiles).
   */
  private static List<Action> actions(JsonParser p, ActionType wrapAs, String table)
      throws IOException {
    expect(p.currentToken() == JsonToken.START_ARRAY, "an action list is not an array");
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken() == JsonToken.START_OBJECT, "an action is not an object");
      try (JsonGenerator gen = Json.FACTORY.createGenerator(lines)) {
        if (wrapAs != null) {
          gen.writeStartObject();
          gen.writeFieldName(wrapAs.key());
        }
        gen.copyCurrentStructure(p);
        if (wrapAs != null) {
          gen.writeEndObject();
        }
      }
      lines.write('\n');
    }
    List<Action> actions = new ArrayList<>();
    ActionParser.parse(lines.toByteArray(), table, FILE, ActionType.all(), actions::add);
    return actions;
  }

  // ---- typed reads; messages only reach the DEBUG log

  private static long int64(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new IOException(field + " is not a 64-bit integer: " + p.getText());
    }
    return p.getLongValue();
  }

  private static int int32(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() != JsonParser.NumberType.INT) {
      throw new IOException(field + " is not a 32-bit integer: " + p.getText());
    }
    return p.getIntValue();
  }

  private static String string(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new IOException(field + " is not a string: " + p.getText());
    }
    return p.getText();
  }

  private static Map<String, String> stringMap(JsonParser p, String field) throws IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT, field + " is not an object");
    Map<String, String> map = new LinkedHashMap<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      p.nextToken();
      map.put(key, string(p, field + "." + key));
    }
    return map;
  }

  /** The value at the current token as compact JSON text. */
  private static String copy(JsonParser p) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = Json.FACTORY.createGenerator(out)) {
      gen.copyCurrentStructure(p);
    }
    return out.toString();
  }

  private static void expect(boolean ok, String problem) throws IOException {
    if (!ok) {
      throw new IOException(problem);
    }
  }

  private static boolean isBlank(byte[] content) {
    for (byte b : content) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
