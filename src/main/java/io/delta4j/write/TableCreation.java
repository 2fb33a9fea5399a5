package io.delta4j.write;

import io.delta4j.DeltaErrors;
import io.delta4j.log.InCommitTimestamps;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructType;
import io.delta4j.util.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Creates a table: version 0 holds the protocol, the metadata and a {@code CREATE TABLE}
 * commitInfo, written with {@code putIfAbsent} so that of two concurrent creators exactly one wins
 * and the other gets {@code TableAlreadyExistsException}.
 */
public final class TableCreation {
  private TableCreation() {}

  // Any file in the log means a table, even one whose first commits were cleaned up.
  private static boolean hasLog(String table, StorageBackend storage, URI logDir) {
    try {
      return storage.listFrom(logDir).hasNext();
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "list", logDir, e);
    }
  }

  /** Writes version 0 of a new table. */
  public static CommitOutcome create(String table, StorageBackend storage, URI root, URI logDir, StructType schema,
      List<String> partitionColumns, Map<String, String> properties, Clock clock) {
    if (hasLog(table, storage, logDir)) {
      throw WriteErrors.tableExists(table);
    }
    ProtocolSelection definition = ProtocolSelection.forNewTable(table, schema, partitionColumns, properties);
    Metadata metadata = new Metadata(UUID.randomUUID().toString(), Optional.empty(), Optional.empty(),
        new Format("parquet", Map.of()), SchemaJson.toJson(definition.schema()), definition.partitionColumns(),
        OptionalLong.of(clock.millis()), definition.configuration());
    List<Action> actions = List.of(definition.protocol(), metadata);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("isManaged", "false");
    parameters.put("description", null);
    parameters.put("partitionBy", CommitInfos.jsonArray(definition.partitionColumns()));
    parameters.put("properties", Json.toJson(gen -> {
      gen.writeStartObject();
      for (Map.Entry<String, String> e : definition.configuration().entrySet()) {
        gen.writeStringField(e.getKey(), e.getValue());
      }
      gen.writeEndObject();
    }));
    PendingCommit pending = new PendingCommit("CREATE TABLE", parameters, Map.of(), actions, false, ReadScope.NOTHING);
    boolean ict = InCommitTimestamps.appliesTo(metadata, 0);
    return new Committer(table, storage, root, logDir, clock).commit(pending, -1, 0, ict, Optional.empty(), 1);
  }
}
