package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/**
 * The {@code add} column (PROTOCOL.md, "Add File and Remove File", "Checkpoint Schema").
 *
 * <p>The typed {@code stats_parsed} and {@code partitionValues_parsed} structs are read only when
 * their string forms are missing: writers with {@code delta.checkpoint.writeStatsAsJson=false}
 * omit {@code stats}, and the records keep one format (the JSON string) for everyone downstream.
 * {@code dataChange} is meaningless in a checkpoint and reads as false when null.
 */
final class AddFileConverter extends ActionConverter {
  private final StringValue path = new StringValue();
  private final StringMapConverter partitionValues = new StringMapConverter();
  private final LongValue size = new LongValue();
  private final LongValue modificationTime = new LongValue();
  private final BooleanValue dataChange = new BooleanValue();
  private final StringValue stats = new StringValue();
  private final StringMapConverter tags = new StringMapConverter();
  private final DeletionVectorConverter deletionVector = new DeletionVectorConverter();
  private final LongValue baseRowId = new LongValue();
  private final LongValue defaultRowCommitVersion = new LongValue();
  private final StringValue clusteringProvider = new StringValue();
  private final TypedStructConverter statsParsed = TypedStructConverter.forStats();
  private final TypedStructConverter partitionValuesParsed = TypedStructConverter.forPartitionValues();

  private final AddFields fields;

  AddFileConverter(Consumer<Action> sink, AddFields fields) {
    super(sink);
    this.fields = fields;
  }

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    if (fields == AddFields.IDENTITY) {
      return switch (name) {
        case "path" -> path;
        case "size" -> size;
        case "modificationTime" -> modificationTime;
        case "deletionVector" -> deletionVector;
        default -> null;
      };
    }
    return switch (name) {
      case "path" -> path;
      case "partitionValues" -> partitionValues;
      case "size" -> size;
      case "modificationTime" -> modificationTime;
      case "dataChange" -> dataChange;
      case "stats" -> stats;
      case "tags" -> tags;
      case "deletionVector" -> deletionVector;
      case "baseRowId" -> baseRowId;
      case "defaultRowCommitVersion" -> defaultRowCommitVersion;
      case "clusteringProvider" -> clusteringProvider;
      case "stats_parsed" -> struct.containsField("stats") ? null : statsParsed;
      case "partitionValues_parsed" -> struct.containsField("partitionValues") ? null : partitionValuesParsed;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    String statsJson = stats.get();
    if (statsJson == null && statsParsed.get() != null) {
      statsJson = StatsJson.write(statsParsed.get());
    }
    Map<String, String> partitions = partitionValues.get();
    if (partitions == null && partitionValuesParsed.get() != null) {
      partitions = PartitionValueStrings.of(partitionValuesParsed.get());
    }
    return new AddFile(
        required(path, "path"),
        partitions,
        required(size, "size"),
        required(modificationTime, "modificationTime"),
        dataChange.orElse(false),
        Optional.ofNullable(statsJson),
        tags.get(),
        deletionVector.optional(),
        baseRowId.optional(),
        defaultRowCommitVersion.optional(),
        clusteringProvider.optional());
  }
}
