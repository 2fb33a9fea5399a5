package io.delta4j.cli;

import io.delta4j.DeltaTable;
import picocli.CommandLine.Command;

/** {@code checkpoint}: writes a checkpoint of the latest version; prints {@code checkpoint: wrote a checkpoint of version N}. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = "Write a checkpoint of the table's latest version, so readers replay less of the log.")
final class CheckpointCommand extends TableCommand {
  @Override
  public Integer call() {
    try (DeltaTable t = openTable()) {
      out().println("checkpoint: wrote a checkpoint of version " + t.checkpoint());
      out().flush();
    }
    return 0;
  }
}
