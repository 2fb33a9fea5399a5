package io.delta4j.log.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.log.ActionWriter;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.Sidecar;
import io.delta4j.log.checkpoint.LastCheckpoint.V2Checkpoint;
import io.delta4j.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Writes {@link LastCheckpoint} with a checksum (PROTOCOL.md, "Last Checkpoint File Schema": writers
 * are encouraged to write one). The checksum covers the canonical form of everything else, so the
 * file is written once without it, checksummed, and written again with it appended.
 */
final class LastCheckpointWriter {
  private LastCheckpointWriter() {}

  static byte[] write(LastCheckpoint lc) {
    try {
      byte[] unsigned = write(lc, null);
      return write(lc, LastCheckpointChecksum.compute(unsigned));
    } catch (IOException e) {
      // Only checkpointSchema is written unchecked, so only it can make the output unreadable.
      throw new IllegalArgumentException("checkpointSchema is not valid JSON: " + e.getMessage(), e);
    }
  }

  // Field order of Delta's writer, with tags (which it never writes) before v2Checkpoint;
  // the checksum goes last.
  private static byte[] write(LastCheckpoint lc, String checksum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator gen = Json.FACTORY.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeNumberField("version", lc.version());
      gen.writeNumberField("size", lc.size());
      if (lc.parts().isPresent()) {
        gen.writeNumberField("parts", lc.parts().getAsInt());
      }
      if (lc.sizeInBytes().isPresent()) {
        gen.writeNumberField("sizeInBytes", lc.sizeInBytes().getAsLong());
      }
      if (lc.numOfAddFiles().isPresent()) {
        gen.writeNumberField("numOfAddFiles", lc.numOfAddFiles().getAsLong());
      }
      if (lc.checkpointSchema().isPresent()) {
        gen.writeFieldName("checkpointSchema");
        gen.writeRawValue(lc.checkpointSchema().get());
      }
      if (!lc.tags().isEmpty()) {
        gen.writeObjectFieldStart("tags");
        for (Map.Entry<String, String> e : lc.tags().entrySet()) {
          gen.writeStringField(e.getKey(), e.getValue());
        }
        gen.writeEndObject();
      }
      if (lc.v2Checkpoint().isPresent()) {
        writeV2(gen, lc.v2Checkpoint().get());
      }
      if (checksum != null) {
        gen.writeStringField("checksum", checksum);
      }
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeV2(JsonGenerator gen, V2Checkpoint v2) throws IOException {
    gen.writeObjectFieldStart("v2Checkpoint");
    gen.writeStringField("path", v2.path());
    gen.writeNumberField("sizeInBytes", v2.sizeInBytes());
    gen.writeNumberField("modificationTime", v2.modificationTime());
    if (v2.nonFileActions().isPresent()) {
      gen.writeArrayFieldStart("nonFileActions");
      for (Action a : v2.nonFileActions().get()) {
        gen.writeRawValue(ActionWriter.toJson(a));
      }
      gen.writeEndArray();
    }
    if (v2.sidecarFiles().isPresent()) {
      gen.writeArrayFieldStart("sidecarFiles");
      for (Sidecar s : v2.sidecarFiles().get()) {
        gen.writeStartObject();
        gen.writeStringField("path", s.path());
        gen.writeNumberField("sizeInBytes", s.sizeInBytes());
        gen.writeNumberField("modificationTime", s.modificationTime());
        if (!s.tags().isEmpty()) {
          gen.writeObjectFieldStart("tags");
          for (Map.Entry<String, String> e : s.tags().entrySet()) {
            gen.writeStringField(e.getKey(), e.getValue());
          }
          gen.writeEndObject();
        }
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }
}
