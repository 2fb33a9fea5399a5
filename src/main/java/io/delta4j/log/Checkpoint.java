package io.delta4j.log;

import java.util.List;

/**
 * A complete checkpoint chosen for replay.
 *
 * @param version the version whose state it holds
 * @param files its files: one, or every part of a multi-part checkpoint in part order
 */
public record Checkpoint(long version, List<LogFile> files) {
  public Checkpoint {
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("A checkpoint has at least one file");
    }
  }

  /** The kind of its files. */
  public LogFile.Kind kind() {
    return files.get(0).kind();
  }
}
