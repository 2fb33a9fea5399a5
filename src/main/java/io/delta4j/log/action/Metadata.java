package io.delta4j.log.action;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code metaData} action (PROTOCOL.md, "Change Metadata"). Each one fully replaces the
 * previous one. {@code schemaString} is the Spark-style JSON schema; it is empty only when an old
 * hand-written log carried none, which {@code Snapshot.schema()} reports as an error.
 */
public record Metadata(
    String id,
    Optional<String> name,
    Optional<String> description,
    Format format,
    String schemaString,
    List<String> partitionColumns,
    OptionalLong createdTime,
    Map<String, String> configuration)
    implements Action {

  public Metadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schemaString, "schemaString");
    partitionColumns = List.copyOf(partitionColumns);
    Objects.requireNonNull(createdTime, "createdTime");
    configuration = Maps.copyOf(configuration);
  }

  @Override
  public ActionType type() {
    return ActionType.METADATA;
  }
}
