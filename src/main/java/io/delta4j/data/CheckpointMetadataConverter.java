package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.CheckpointMetadata;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/** The {@code checkpointMetadata} column of a V2 checkpoint (PROTOCOL.md, "Checkpoint Metadata"). */
final class CheckpointMetadataConverter extends ActionConverter {
  private final LongValue version = new LongValue();
  private final StringMapConverter tags = new StringMapConverter();

  CheckpointMetadataConverter(Consumer<Action> sink) {
    super(sink);
  }

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "version" -> version;
      case "tags" -> tags;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    return new CheckpointMetadata(required(version, "version"), tags.get());
  }
}
