package io.delta4j.log;

import static io.delta4j.log.JsonFields.bool;
import static io.delta4j.log.JsonFields.int32;
import static io.delta4j.log.JsonFields.int64;
import static io.delta4j.log.JsonFields.nextField;
import static io.delta4j.log.JsonFields.require;
import static io.delta4j.log.JsonFields.string;
import static io.delta4j.log.JsonFields.stringMap;

import com.fasterxml.jackson.core.JsonParser;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.RemoveFile;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the bodies of the file actions, {@code add}, {@code remove} and {@code cdc}, from a parser
 * positioned on their {@code START_OBJECT}, following the field tables of PROTOCOL.md "Add File and
 * Remove File" and "Add CDC File". The loops share one shape: {@link JsonFields#nextField} hides
 * null-valued fields (writers use null and absence alike), unknown fields are skipped unread
 * ("Protocol Evolution"), and required fields that never appeared are reported at the end.
 * These run once per file of a table, so they keep to primitives and a switch on the field name.
 */
final class FileActionReaders {
  private FileActionReaders() {}

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
}
