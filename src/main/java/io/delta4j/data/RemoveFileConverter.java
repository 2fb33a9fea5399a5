package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.RemoveFile;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/**
 * The {@code remove} column. PROTOCOL.md ("Checkpoints"): removes in a checkpoint are tombstones
 * kept only for VACUUM and carry no {@code stats}; some writers (delta-rs) write the column anyway,
 * and it is not read, as no reader of tombstones needs it.
 */
final class RemoveFileConverter extends ActionConverter {
  private final StringValue path = new StringValue();
  private final LongValue deletionTimestamp = new LongValue();
  private final BooleanValue dataChange = new BooleanValue();
  private final BooleanValue extendedFileMetadata = new BooleanValue();
  private final StringMapConverter partitionValues = new StringMapConverter();
  private final LongValue size = new LongValue();
  private final StringMapConverter tags = new StringMapConverter();
  private final DeletionVectorConverter deletionVector = new DeletionVectorConverter();
  private final LongValue baseRowId = new LongValue();
  private final LongValue defaultRowCommitVersion = new LongValue();

  RemoveFileConverter(Consumer<Action> sink) {
    super(sink);
  }

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "path" -> path;
      case "deletionTimestamp" -> deletionTimestamp;
      case "dataChange" -> dataChange;
      case "extendedFileMetadata" -> extendedFileMetadata;
      case "partitionValues" -> partitionValues;
      case "size" -> size;
      case "tags" -> tags;
      case "deletionVector" -> deletionVector;
      case "baseRowId" -> baseRowId;
      case "defaultRowCommitVersion" -> defaultRowCommitVersion;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    return new RemoveFile(
        required(path, "path"),
        deletionTimestamp.optional(),
        dataChange.orElse(false),
        extendedFileMetadata.optional(),
        Optional.ofNullable(partitionValues.get()),
        size.optional(),
        Optional.empty() /* stats: not in checkpoints */,
        tags.get(),
        deletionVector.optional(),
        baseRowId.optional(),
        defaultRowCommitVersion.optional());
  }
}
