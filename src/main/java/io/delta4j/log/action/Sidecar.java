package io.delta4j.log.action;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code sidecar} action of a V2 checkpoint: a Parquet file under
 * {@code _delta_log/_sidecars/} holding some of the checkpoint's add and remove actions.
 *
 * @param path usually a bare file name relative to {@code _delta_log/_sidecars/}; may be absolute
 */
public record Sidecar(String path, long sizeInBytes, long modificationTime, Map<String, String> tags)
    implements Action {
  public Sidecar {
    Objects.requireNonNull(path, "path");
    tags = Maps.copyOf(tags);
  }

  @Override
  public ActionType type() {
    return ActionType.SIDECAR;
  }
}
