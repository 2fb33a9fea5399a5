package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.Protocol;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/**
 * The {@code protocol} column (PROTOCOL.md, "Protocol Evolution"). The feature lists are null (or
 * missing) unless the table uses table features ("Checkpoint Schema"); either reads as empty.
 */
final class ProtocolConverter extends ActionConverter {
  private final IntValue minReaderVersion = new IntValue();
  private final IntValue minWriterVersion = new IntValue();
  private final StringListConverter readerFeatures = new StringListConverter();
  private final StringListConverter writerFeatures = new StringListConverter();

  ProtocolConverter(Consumer<Action> sink) {
    super(sink);
  }

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "minReaderVersion" -> minReaderVersion;
      case "minWriterVersion" -> minWriterVersion;
      case "readerFeatures" -> readerFeatures;
      case "writerFeatures" -> writerFeatures;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    return new Protocol(
        required(minReaderVersion, "minReaderVersion"),
        required(minWriterVersion, "minWriterVersion"),
        asSet(readerFeatures.get()),
        asSet(writerFeatures.get()));
  }

  private static Set<String> asSet(List<String> list) {
    return list == null ? Set.of() : Set.copyOf(list);
  }
}
