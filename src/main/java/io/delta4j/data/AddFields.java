package io.delta4j.data;

/**
 * How much of each {@code add} action a checkpoint read decodes. Listing files needs only what
 * identifies them, and skipping the statistics and partition values (the largest columns) makes
 * listing a large checkpoint several times cheaper.
 */
public enum AddFields {
  /** Every field of the add action. */
  ALL,
  /**
   * Only {@code path}, {@code size}, {@code modificationTime} and {@code deletionVector}: enough to
   * reconcile and list files. Partition values, statistics and tags come back empty.
   */
  IDENTITY
}
