package io.delta4j.log.action;

import java.util.Map;
import java.util.Objects;

/** The {@code cdc} action (PROTOCOL.md, "Add CDC File"): a change data file of one commit. */
public record AddCdcFile(
    String path, Map<String, String> partitionValues, long size, boolean dataChange, Map<String, String> tags)
    implements Action {

  public AddCdcFile {
    Objects.requireNonNull(path, "path");
    partitionValues = Maps.copyOf(partitionValues);
    tags = Maps.copyOf(tags);
  }

  @Override
  public ActionType type() {
    return ActionType.CDC;
  }
}
