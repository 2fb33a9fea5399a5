package io.delta4j.log.action;

import java.util.Map;

/** The {@code checkpointMetadata} action: present only in V2 checkpoints, never replayed. */
public record CheckpointMetadata(long version, Map<String, String> tags) implements Action {
  public CheckpointMetadata {
    tags = Maps.copyOf(tags);
  }

  @Override
  public ActionType type() {
    return ActionType.CHECKPOINT_METADATA;
  }
}
