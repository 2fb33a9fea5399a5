package io.delta4j.log;

import static io.delta4j.log.JsonFields.bool;
import static io.delta4j.log.JsonFields.int32;
import static io.delta4j.log.JsonFields.int64;
import static io.delta4j.log.JsonFields.missing;
import static io.delta4j.log.JsonFields.string;
import static io.delta4j.log.JsonFields.stringList;
import static io.delta4j.log.JsonFields.stringMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the body of each action from a parser positioned on its {@code START_OBJECT}, following
 * the field tables of PROTOCOL.md, "Actions". Every loop works the same way: a field whose value
 * is JSON null counts as absent (Spark and Kernel write absent optionals either way), unknown
 * fields are skipped unread ("Protocol Evolution": readers must ignore them), and a required
 * field that never appeared is reported after the object ends. {@code commitInfo} has its own
 * reader, {@link CommitInfoReader}, because it also keeps its JSON text.
 */
final class ActionReaders {
  private ActionReaders() {}

  /** The next field of the current object with its value token current, or null at its end. */
  private static String nextField(JsonParser p) throws IOException {
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (p.nextToken() != JsonToken.VALUE_NULL) {
        return name;
      }
    }
    return null;
  }

  // "Add File and Remove File": add
  static AddFile add(JsonParser p) throws IOException {
    String path = null;
    Map<String, String> partitionValues = null;
    long size = 0;
    long modificationTime = 0;
    boolean dataChange = false;
    int seen = 0; // bits: 1 size, 2 modificationTime, 4 dataChange
    String stats = null;
    Map<String, String> tags = Map.of();
    DeletionVectorDescriptor dv = null;
    OptionalLong baseRowId = OptionalLong.empty();
    OptionalLong defaultRowCommitVersion = OptionalLong.empty();
    String clusteringProvider = null;
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "path" -> path = string(p, "add.path");
        case "partitionValues" -> partitionValues = stringMap(p, "add.partitionValues");
        case "size" -> { size = int64(p, "add.size"); seen |= 1; }
        case "modificationTime" -> { modificationTime = int64(p, "add.modificationTime"); seen |= 2; }
        case "dataChange" -> { dataChange = bool(p, "add.dataChange"); seen |= 4; }
        case "stats" -> stats = string(p, "add.stats");
        case "tags" -> tags = stringMap(p, "add.tags");
        case "deletionVector" -> dv = deletionVector(p, "add");
        case "baseRowId" -> baseRowId = OptionalLong.of(int64(p, "add.baseRowId"));
        case "defaultRowCommitVersion" ->
            defaultRowCommitVersion = OptionalLong.of(int64(p, "add.defaultRowCommitVersion"));
        case "clusteringProvider" -> clusteringProvider = string(p, "add.clusteringProvider");
        default -> p.skipChildren();
      }
    }
    require(path != null, "add", "path");
    require(partitionValues != null, "add", "partitionValues");
    require((seen & 1) != 0, "add", "size");
    require((seen & 2) != 0, "add", "modificationTime");
    require((seen & 4) != 0, "add", "dataChange");
    return new AddFile(path, partitionValues, size, modificationTime, dataChange,
        Optional.ofNullable(stats), tags, Optional.ofNullable(dv), baseRowId,
        defaultRowCommitVersion, Optional.ofNullable(clusteringProvider));
  }

  // "Add File and Remove File": remove; everything but path and dataChange is optional
  static RemoveFile remove(JsonParser p) throws IOException {
    String path = null;
    OptionalLong deletionTimestamp = OptionalLong.empty();
    boolean dataChange = false;
    boolean seenDataChange = false;
    Boolean extendedFileMetadata = null;
    Map<String, String> partitionValues = null;
    OptionalLong size = OptionalLong.empty();
    String stats = null;
    Map<String, String> tags = Map.of();
    DeletionVectorDescriptor dv = null;
    OptionalLong baseRowId = OptionalLong.empty();
    OptionalLong defaultRowCommitVersion = OptionalLong.empty();
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "path" -> path = string(p, "remove.path");
        case "deletionTimestamp" ->
            deletionTimestamp = OptionalLong.of(int64(p, "remove.deletionTimestamp"));
        case "dataChange" -> { dataChange = bool(p, "remove.dataChange"); seenDataChange = true; }
        case "extendedFileMetadata" ->
            extendedFileMetadata = bool(p, "remove.extendedFileMetadata");
        case "partitionValues" -> partitionValues = stringMap(p, "remove.partitionValues");
        case "size" -> size = OptionalLong.of(int64(p, "remove.size"));
        case "stats" -> stats = string(p, "remove.stats");
        case "tags" -> tags = stringMap(p, "remove.tags");
        case "deletionVector" -> dv = deletionVector(p, "remove");
        case "baseRowId" -> baseRowId = OptionalLong.of(int64(p, "remove.baseRowId"));
        case "defaultRowCommitVersion" ->
            defaultRowCommitVersion = OptionalLong.of(int64(p, "remove.defaultRowCommitVersion"));
        default -> p.skipChildren();
      }
    }
    require(path != null, "remove", "path");
    require(seenDataChange, "remove", "dataChange");
    return new RemoveFile(path, deletionTimestamp, dataChange,
        Optional.ofNullable(extendedFileMetadata), Optional.ofNullable(partitionValues), size,
        Optional.ofNullable(stats), tags, Optional.ofNullable(dv), baseRowId,
        defaultRowCommitVersion);
  }

  // "Add CDC File". dataChange is defined to be false, so a writer that omits it loses nothing.
  static AddCdcFile cdc(JsonParser p) throws IOException {
    String path = null;
    Map<String, String> partitionValues = null;
    long size = 0;
    boolean seenSize = false;
    boolean dataChange = false;
    Map<String, String> tags = Map.of();
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "path" -> path = string(p, "cdc.path");
        case "partitionValues" -> partitionValues = stringMap(p, "cdc.partitionValues");
        case "size" -> { size = int64(p, "cdc.size"); seenSize = true; }
        case "dataChange" -> dataChange = bool(p, "cdc.dataChange");
        case "tags" -> tags = stringMap(p, "cdc.tags");
        default -> p.skipChildren();
      }
    }
    require(path != null, "cdc", "path");
    require(partitionValues != null, "cdc", "partitionValues");
    require(seenSize, "cdc", "size");
    return new AddCdcFile(path, partitionValues, size, dataChange, tags);
  }

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

  /**
   * "Deletion Vector Descriptor Schema". {@code offset} is absent for inline vectors; it stays
   * absent here (not 0) because it is part of {@code uniqueId}, the file key of reconciliation.
   */
  private static DeletionVectorDescriptor deletionVector(JsonParser p, String action)
      throws IOException {
    String field = action + ".deletionVector";
    JsonFields.expectObject(p, field);
    String storageType = null;
    String pathOrInlineDv = null;
    OptionalInt offset = OptionalInt.empty();
    int sizeInBytes = 0;
    long cardinality = 0;
    int seen = 0;
    String name;
    while ((name = nextField(p)) != null) {
      switch (name) {
        case "storageType" -> storageType = string(p, field + ".storageType");
        case "pathOrInlineDv" -> pathOrInlineDv = string(p, field + ".pathOrInlineDv");
        case "offset" -> offset = OptionalInt.of(int32(p, field + ".offset"));
        case "sizeInBytes" -> { sizeInBytes = int32(p, field + ".sizeInBytes"); seen |= 1; }
        case "cardinality" -> { cardinality = int64(p, field + ".cardinality"); seen |= 2; }
        default -> p.skipChildren();
      }
    }
    require(storageType != null, action, "deletionVector.storageType");
    require(pathOrInlineDv != null, action, "deletionVector.pathOrInlineDv");
    require((seen & 1) != 0, action, "deletionVector.sizeInBytes");
    require((seen & 2) != 0, action, "deletionVector.cardinality");
    return new DeletionVectorDescriptor(storageType, pathOrInlineDv, offset, sizeInBytes,
        cardinality);
  }

  private static void require(boolean present, String action, String field)
      throws JsonFields.MalformedActionException {
    if (!present) {
      throw missing(action, field);
    }
  }
}
