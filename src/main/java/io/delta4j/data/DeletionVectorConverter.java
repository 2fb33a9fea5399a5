package io.delta4j.data;

import io.delta4j.log.action.DeletionVectorDescriptor;
import java.util.Optional;
import org.apache.parquet.schema.GroupType;

/**
 * The {@code deletionVector} struct of {@code add} and {@code remove} (PROTOCOL.md, "Deletion
 * Vector Descriptor Schema"). {@code maxRowIndex}, which some writers add, is not read.
 */
final class DeletionVectorConverter extends StructConverter {
  private final StringValue storageType = new StringValue();
  private final StringValue pathOrInlineDv = new StringValue();
  private final IntValue offset = new IntValue();
  private final IntValue sizeInBytes = new IntValue();
  private final LongValue cardinality = new LongValue();
  private DeletionVectorDescriptor value;

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "storageType" -> storageType;
      case "pathOrInlineDv" -> pathOrInlineDv;
      case "offset" -> offset;
      case "sizeInBytes" -> sizeInBytes;
      case "cardinality" -> cardinality;
      default -> null;
    };
  }

  @Override
  protected void complete() {
    value = new DeletionVectorDescriptor(
        required(storageType, "storageType"),
        required(pathOrInlineDv, "pathOrInlineDv"),
        offset.optional(),
        required(sizeInBytes, "sizeInBytes"),
        required(cardinality, "cardinality"));
  }

  /** The descriptor of the current row; empty when the file has no deletion vector. */
  Optional<DeletionVectorDescriptor> optional() {
    return isPresent() ? Optional.of(value) : Optional.empty();
  }
}
