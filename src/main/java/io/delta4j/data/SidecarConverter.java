package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.Sidecar;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/** The {@code sidecar} column of a V2 checkpoint (PROTOCOL.md, "Sidecar File Information"). */
final class SidecarConverter extends ActionConverter {
  private final StringValue path = new StringValue();
  private final LongValue sizeInBytes = new LongValue();
  private final LongValue modificationTime = new LongValue();
  private final StringMapConverter tags = new StringMapConverter();

  SidecarConverter(Consumer<Action> sink) {
    super(sink);
  }

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "path" -> path;
      case "sizeInBytes" -> sizeInBytes;
      case "modificationTime" -> modificationTime;
      case "tags" -> tags;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    return new Sidecar(
        required(path, "path"),
        required(sizeInBytes, "sizeInBytes"),
        required(modificationTime, "modificationTime"),
        tags.get());
  }
}
