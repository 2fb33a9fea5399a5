package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.Metadata;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/**
 * The {@code metaData} column (PROTOCOL.md, "Change Metadata"). A null {@code schemaString}
 * (seen in broken test tables) reads as empty, as {@link Metadata} documents; null lists and maps
 * read as empty.
 */
final class MetadataConverter extends ActionConverter {
  private final StringValue id = new StringValue();
  private final StringValue name = new StringValue();
  private final StringValue description = new StringValue();
  private final FormatConverter format = new FormatConverter();
  private final StringValue schemaString = new StringValue();
  private final StringListConverter partitionColumns = new StringListConverter();
  private final LongValue createdTime = new LongValue();
  private final StringMapConverter configuration = new StringMapConverter();

  MetadataConverter(Consumer<Action> sink) {
    super(sink);
  }

  @Override
  protected FieldConverter field(String field, GroupType struct) {
    return switch (field) {
      case "id" -> id;
      case "name" -> name;
      case "description" -> description;
      case "format" -> format;
      case "schemaString" -> schemaString;
      case "partitionColumns" -> partitionColumns;
      case "createdTime" -> createdTime;
      case "configuration" -> configuration;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    String schema = schemaString.get();
    List<String> partitions = partitionColumns.get();
    return new Metadata(
        required(id, "id"),
        name.optional(),
        description.optional(),
        format.get(),
        schema == null ? "" : schema,
        partitions == null ? List.of() : partitions,
        createdTime.optional(),
        configuration.get());
  }
}
