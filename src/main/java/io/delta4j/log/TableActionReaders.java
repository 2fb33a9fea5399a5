package io.delta4j.log;

import static io.delta4j.log.JsonFields.bool;
import static io.delta4j.log.JsonFields.int32;
import static io.delta4j.log.JsonFields.int64;
import static io.delta4j.log.JsonFields.nextField;
import static io.delta4j.log.JsonFields.require;
import static io.delta4j.log.JsonFields.string;
import static io.delta4j.log.JsonFields.stringList;
import static io.delta4j.log.JsonFields.stringMap;

import com.fasterxml.jackson.core.JsonParser;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the bodies of the actions that describe the table rather than its files: {@code metaData},
 * {@code protocol}, {@code txn}, {@code domainMetadata}, and the V2-checkpoint-only
 * {@code checkpointMetadata} and {@code sidecar}, following the field tables of PROTOCOL.md
 * "Actions". Same loop shape as {@link FileActionReaders}. {@code commitInfo} has its own reader,
 * {@link CommitInfoReader}, because it also keeps its JSON text.
 */
final class TableActionReaders {
  private TableActionReaders() {}

  /**
   * "Change Metadata". {@code schemaString} is required by the spec, but hand-made logs of old
   * golden tables (deltalog-commit-info and others) omit it; it reads as "" so that the log still
   * loads and {@code Snapshot.schema()} reports the real problem only to callers who need it.
   */
  static Metadata metadata(JsonParser p) throws IOException {
    String id = null;
    String tableName = null;
    String description = null;
    Format format = null;
    String schemaString = "";
    List<String> partitionColumns = null;
    OptionalLong createdTime = OptionalLong.empty();
    Map<String, String> configuration = null;
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "id" -> id = string(p, "metaData.id");
        case "name" -> tableName = string(p, "metaData.name");
        case "description" -> description = string(p, "metaData.description");
        case "format" -> format = format(p);
        case "schemaString" -> schemaString = string(p, "metaData.schemaString");
        case "partitionColumns" -> partitionColumns = stringList(p, "metaData.partitionColumns");
        case "createdTime" -> createdTime = OptionalLong.of(int64(p, "metaData.createdTime"));
        case "configuration" -> configuration = stringMap(p, "metaData.configuration");
        default -> p.skipChildren();
      }
    }
    require(id != null, "metaData", "id");
    require(format != null, "metaData", "format");
    require(partitionColumns != null, "metaData", "partitionColumns");
    require(configuration != null, "metaData", "configuration");
    return new Metadata(id, Optional.ofNullable(tableName), Optional.ofNullable(description),
        format, schemaString, partitionColumns, createdTime, configuration);
  }

  // "Format Specification"
  private static Format format(JsonParser p) throws IOException {
    JsonFields.expectObject(p, "metaData.format");
    String provider = null;
    Map<String, String> options = Map.of();
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "provider" -> provider = string(p, "metaData.format.provider");
        case "options" -> options = stringMap(p, "metaData.format.options");
        default -> p.skipChildren();
      }
    }
    require(provider != null, "metaData", "format.provider");
    return new Format(provider, options);
  }

  /**
   * "Protocol Evolution". The feature lists exist only with reader version 3 / writer version 7;
   * absent or null they read as empty sets (checkpoints may carry them as null, see "Checkpoint
   * Schema").
   */
  static Protocol protocol(JsonParser p) throws IOException {
    int reader = 0;
    int writer = 0;
    int seen = 0;
    Set<String> readerFeatures = Set.of();
    Set<String> writerFeatures = Set.of();
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "minReaderVersion" -> { reader = int32(p, "protocol.minReaderVersion"); seen |= 1; }
        case "minWriterVersion" -> { writer = int32(p, "protocol.minWriterVersion"); seen |= 2; }
        case "readerFeatures" ->
            readerFeatures = new HashSet<>(stringList(p, "protocol.readerFeatures"));
        case "writerFeatures" ->
            writerFeatures = new HashSet<>(stringList(p, "protocol.writerFeatures"));
        default -> p.skipChildren();
      }
    }
    require((seen & 1) != 0, "protocol", "minReaderVersion");
    require((seen & 2) != 0, "protocol", "minWriterVersion");
    return new Protocol(reader, writer, readerFeatures, writerFeatures);
  }

  // "Transaction Identifiers"
  static SetTransaction txn(JsonParser p) throws IOException {
    String appId = null;
    long version = 0;
    boolean seenVersion = false;
    OptionalLong lastUpdated = OptionalLong.empty();
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "appId" -> appId = string(p, "txn.appId");
        case "version" -> { version = int64(p, "txn.version"); seenVersion = true; }
        case "lastUpdated" -> lastUpdated = OptionalLong.of(int64(p, "txn.lastUpdated"));
        default -> p.skipChildren();
      }
    }
    require(appId != null, "txn", "appId");
    require(seenVersion, "txn", "version");
    return new SetTransaction(appId, version, lastUpdated);
  }

  // "Domain Metadata": all three fields are required.
  static DomainMetadata domainMetadata(JsonParser p) throws IOException {
    String domain = null;
    String configuration = null;
    boolean removed = false;
    boolean seenRemoved = false;
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "domain" -> domain = string(p, "domainMetadata.domain");
        case "configuration" -> configuration = string(p, "domainMetadata.configuration");
        case "removed" -> { removed = bool(p, "domainMetadata.removed"); seenRemoved = true; }
        default -> p.skipChildren();
      }
    }
    require(domain != null, "domainMetadata", "domain");
    require(configuration != null, "domainMetadata", "configuration");
    require(seenRemoved, "domainMetadata", "removed");
    return new DomainMetadata(domain, configuration, removed);
  }

  // "Checkpoint Metadata" (V2 checkpoints only)
  static CheckpointMetadata checkpointMetadata(JsonParser p) throws IOException {
    long version = 0;
    boolean seenVersion = false;
    Map<String, String> tags = Map.of();
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "version" -> { version = int64(p, "checkpointMetadata.version"); seenVersion = true; }
        case "tags" -> tags = stringMap(p, "checkpointMetadata.tags");
        default -> p.skipChildren();
      }
    }
    require(seenVersion, "checkpointMetadata", "version");
    return new CheckpointMetadata(version, tags);
  }

  // "Sidecar File Information" (V2 checkpoints only)
  static Sidecar sidecar(JsonParser p) throws IOException {
    String path = null;
    long sizeInBytes = 0;
    long modificationTime = 0;
    int seen = 0;
    Map<String, String> tags = Map.of();
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "path" -> path = string(p, "sidecar.path");
        case "sizeInBytes" -> { sizeInBytes = int64(p, "sidecar.sizeInBytes"); seen |= 1; }
        case "modificationTime" -> {
          modificationTime = int64(p, "sidecar.modificationTime");
          seen |= 2;
        }
        case "tags" -> tags = stringMap(p, "sidecar.tags");
        default -> p.skipChildren();
      }
    }
    require(path != null, "sidecar", "path");
    require((seen & 1) != 0, "sidecar", "sizeInBytes");
    require((seen & 2) != 0, "sidecar", "modificationTime");
    return new Sidecar(path, sizeInBytes, modificationTime, tags);
  }
}
