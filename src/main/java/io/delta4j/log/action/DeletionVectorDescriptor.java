package io.delta4j.log.action;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where a file's deletion vector lives (PROTOCOL.md, "Deletion Vector Descriptor Schema").
 *
 * @param storageType {@code u} (UUID-relative file), {@code i} (inline) or {@code p} (absolute path)
 * @param pathOrInlineDv the encoded location or the Z85-encoded bitmap
 * @param offset byte offset within the DV file; absent for inline vectors
 * @param sizeInBytes size of the serialized bitmap
 * @param cardinality number of deleted rows
 */
public record DeletionVectorDescriptor(
    String storageType, String pathOrInlineDv, OptionalInt offset, int sizeInBytes, long cardinality) {

  public DeletionVectorDescriptor {
    Objects.requireNonNull(storageType, "storageType");
    Objects.requireNonNull(pathOrInlineDv, "pathOrInlineDv");
    Objects.requireNonNull(offset, "offset");
  }

  /**
   * The identity of this vector within the file key of log reconciliation: storage type and
   * path, plus {@code @offset} when an offset is present.
   */
  public String uniqueId() {
    String id = storageType + pathOrInlineDv;
    return offset.isPresent() ? id + "@" + offset.getAsInt() : id;
  }
}
