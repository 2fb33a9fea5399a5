package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.DomainMetadata;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/**
 * The {@code domainMetadata} column (PROTOCOL.md, "Domain Metadata"). Checkpoints hold no
 * tombstones, so {@code removed} is normally false; null reads as false.
 */
final class DomainMetadataConverter extends ActionConverter {
  private final StringValue domain = new StringValue();
  private final StringValue configuration = new StringValue();
  private final BooleanValue removed = new BooleanValue();

  DomainMetadataConverter(Consumer<Action> sink) {
    super(sink);
  }

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "domain" -> domain;
      case "configuration" -> configuration;
      case "removed" -> removed;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    return new DomainMetadata(
        required(domain, "domain"), required(configuration, "configuration"), removed.orElse(false));
  }
}
