package io.delta4j.log;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import io.delta4j.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes actions as log lines, the inverse of {@link ActionParser}: for every action {@code a},
 * parsing {@code toJson(a)} gives back {@code a}. Keys come in the order Delta's Spark writer uses
 * and absent optionals are left out rather than written as null, so our commits look like the
 * reference implementation's. A {@link CommitInfo} is written from its {@code json} text verbatim,
 * since it may carry fields the record does not model.
 */
public final class ActionWriter {
  private ActionWriter() {}

  /** One action as a single line of JSON, without the newline. */
  public static String toJson(Action action) {
    return Json.toJson(gen -> write(gen, action));
  }

  /** The content of a commit file: one line per action, each ending in a newline, in UTF-8. */
  public static byte[] toCommitBytes(List<? extends Action> actions) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * (actions.size() + 1));
    try (JsonGenerator gen = Json.FACTORY.createGenerator(out)) {
      gen.setRootValueSeparator(null);
      for (Action action : actions) {
        write(gen, action);
        gen.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator gen, Action action) throws IOException {
    gen.writeStartObject();
    gen.writeFieldName(action.type().key());
    writeBody(gen, action);
    gen.writeEndObject();
  }

  /**
   * Writes only the body of {@code action}, the object that follows its key in a log line, as
   * version checksum files embed {@code metadata}, {@code protocol} and the like.
   */
  public static void writeBody(JsonGenerator gen, Action action) throws IOException {
    switch (action.type()) {
      case ADD -> add(gen, (AddFile) action);
      case REMOVE -> remove(gen, (RemoveFile) action);
      case METADATA -> metadata(gen, (Metadata) action);
      case PROTOCOL -> protocol(gen, (Protocol) action);
      case CDC -> cdc(gen, (AddCdcFile) action);
      case TXN -> txn(gen, (SetTransaction) action);
      case COMMIT_INFO -> gen.writeRawValue(((CommitInfo) action).json());
      case DOMAIN_METADATA -> domainMetadata(gen, (DomainMetadata) action);
      case CHECKPOINT_METADATA -> checkpointMetadata(gen, (CheckpointMetadata) action);
      case SIDECAR -> sidecar(gen, (Sidecar) action);
    }
  }

  private static void add(JsonGenerator gen, AddFile a) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("path", a.path());
    stringMap(gen, "partitionValues", a.partitionValues());
    gen.writeNumberField("size", a.size());
    gen.writeNumberField("modificationTime", a.modificationTime());
    gen.writeBooleanField("dataChange", a.dataChange());
    optString(gen, "stats", a.stats());
    tags(gen, a.tags());
    deletionVector(gen, a.deletionVector());
    optLong(gen, "baseRowId", a.baseRowId());
    optLong(gen, "defaultRowCommitVersion", a.defaultRowCommitVersion());
    optString(gen, "clusteringProvider", a.clusteringProvider());
    gen.writeEndObject();
  }

  private static void remove(JsonGenerator gen, RemoveFile r) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("path", r.path());
    optLong(gen, "deletionTimestamp", r.deletionTimestamp());
    gen.writeBooleanField("dataChange", r.dataChange());
    if (r.extendedFileMetadata().isPresent()) {
      gen.writeBooleanField("extendedFileMetadata", r.extendedFileMetadata().get());
    }
    if (r.partitionValues().isPresent()) {
      stringMap(gen, "partitionValues", r.partitionValues().get());
    }
    optLong(gen, "size", r.size());
    optString(gen, "stats", r.stats());
    tags(gen, r.tags());
    deletionVector(gen, r.deletionVector());
    optLong(gen, "baseRowId", r.baseRowId());
    optLong(gen, "defaultRowCommitVersion", r.defaultRowCommitVersion());
    gen.writeEndObject();
  }

  private static void metadata(JsonGenerator gen, Metadata m) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("id", m.id());
    optString(gen, "name", m.name());
    optString(gen, "description", m.description());
    gen.writeObjectFieldStart("format");
    gen.writeStringField("provider", m.format().provider());
    stringMap(gen, "options", m.format().options());
    gen.writeEndObject();
    gen.writeStringField("schemaString", m.schemaString());
    stringArray(gen, "partitionColumns", m.partitionColumns());
    stringMap(gen, "configuration", m.configuration());
    optLong(gen, "createdTime", m.createdTime());
    gen.writeEndObject();
  }

  // "Protocol Evolution": the feature lists exist only with reader version 3 / writer version 7.
  private static void protocol(JsonGenerator gen, Protocol p) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("minReaderVersion", p.minReaderVersion());
    gen.writeNumberField("minWriterVersion", p.minWriterVersion());
    if (p.hasReaderFeatures()) {
      stringArray(gen, "readerFeatures", p.readerFeatures());
    }
    if (p.hasWriterFeatures()) {
      stringArray(gen, "writerFeatures", p.writerFeatures());
    }
    gen.writeEndObject();
  }

  private static void cdc(JsonGenerator gen, AddCdcFile c) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("path", c.path());
    stringMap(gen, "partitionValues", c.partitionValues());
    gen.writeNumberField("size", c.size());
    gen.writeBooleanField("dataChange", c.dataChange());
    tags(gen, c.tags());
    gen.writeEndObject();
  }

  private static void txn(JsonGenerator gen, SetTransaction t) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("appId", t.appId());
    gen.writeNumberField("version", t.version());
    optLong(gen, "lastUpdated", t.lastUpdated());
    gen.writeEndObject();
  }

  private static void domainMetadata(JsonGenerator gen, DomainMetadata d) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("domain", d.domain());
    gen.writeStringField("configuration", d.configuration());
    gen.writeBooleanField("removed", d.removed());
    gen.writeEndObject();
  }

  private static void checkpointMetadata(JsonGenerator gen, CheckpointMetadata c)
      throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("version", c.version());
    tags(gen, c.tags());
    gen.writeEndObject();
  }

  private static void sidecar(JsonGenerator gen, Sidecar s) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("path", s.path());
    gen.writeNumberField("sizeInBytes", s.sizeInBytes());
    gen.writeNumberField("modificationTime", s.modificationTime());
    tags(gen, s.tags());
    gen.writeEndObject();
  }

  // "Deletion Vector Descriptor Schema": offset is absent for inline vectors.
  private static void deletionVector(
      JsonGenerator gen, Optional<DeletionVectorDescriptor> descriptor) throws IOException {
    if (descriptor.isEmpty()) {
      return;
    }
    DeletionVectorDescriptor dv = descriptor.get();
    gen.writeObjectFieldStart("deletionVector");
    gen.writeStringField("storageType", dv.storageType());
    gen.writeStringField("pathOrInlineDv", dv.pathOrInlineDv());
    if (dv.offset().isPresent()) {
      gen.writeNumberField("offset", dv.offset().getAsInt());
    }
    gen.writeNumberField("sizeInBytes", dv.sizeInBytes());
    gen.writeNumberField("cardinality", dv.cardinality());
    gen.writeEndObject();
  }

  /** Tags are optional everywhere; an empty map is left out, as Spark leaves out null tags. */
  private static void tags(JsonGenerator gen, Map<String, String> tags) throws IOException {
    if (!tags.isEmpty()) {
      stringMap(gen, "tags", tags);
    }
  }

  /** A string map; null values (null partitions) are written as JSON null. */
  private static void stringMap(JsonGenerator gen, String field, Map<String, String> map)
      throws IOException {
    gen.writeObjectFieldStart(field);
    for (Map.Entry<String, String> e : map.entrySet()) {
      gen.writeFieldName(e.getKey());
      if (e.getValue() == null) {
        gen.writeNull();
      } else {
        gen.writeString(e.getValue());
      }
    }
    gen.writeEndObject();
  }

  private static void stringArray(JsonGenerator gen, String field, Collection<String> values)
      throws IOException {
    gen.writeArrayFieldStart(field);
    for (String v : values) {
      gen.writeString(v);
    }
    gen.writeEndArray();
  }

  private static void optString(JsonGenerator gen, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      gen.writeStringField(field, value.get());
    }
  }

  private static void optLong(JsonGenerator gen, String field, OptionalLong value)
      throws IOException {
    if (value.isPresent()) {
      gen.writeNumberField(field, value.getAsLong());
    }
  }
}
