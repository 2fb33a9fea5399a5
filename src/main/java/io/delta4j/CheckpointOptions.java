package io.delta4j;

/**
 * How {@link DeltaTable#checkpoint(CheckpointOptions)} writes a checkpoint. Immutable; start from
 * {@link #defaults()}.
 */
public final class CheckpointOptions {
  /** The default most file actions one V2 sidecar file holds: 1,000,000. */
  public static final long DEFAULT_ACTIONS_PER_SIDECAR = 1_000_000;

  private static final CheckpointOptions DEFAULTS = new CheckpointOptions(DEFAULT_ACTIONS_PER_SIDECAR);

  private final long actionsPerSidecar;

  private CheckpointOptions(long actionsPerSidecar) {
    if (actionsPerSidecar < 1) {
      throw new IllegalArgumentException("actionsPerSidecar must be positive, was " + actionsPerSidecar);
    }
    this.actionsPerSidecar = actionsPerSidecar;
  }

  /** The defaults: {@value #DEFAULT_ACTIONS_PER_SIDECAR} actions per sidecar. */
  public static CheckpointOptions defaults() {
    return DEFAULTS;
  }

  /**
   * These options with a V2 checkpoint's add and remove actions split into sidecar files of at
   * most {@code actions} actions each (classic checkpoints are one file whatever this says).
   */
  public CheckpointOptions withActionsPerSidecar(long actions) {
    return new CheckpointOptions(actions);
  }

  /** The most add and remove actions one sidecar file of a V2 checkpoint holds. */
  public long actionsPerSidecar() {
    return actionsPerSidecar;
  }

  @Override
  public String toString() {
    return "CheckpointOptions[actionsPerSidecar=" + actionsPerSidecar + "]";
  }
}
