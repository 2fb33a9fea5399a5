package io.delta4j.cli;

import io.delta4j.DeltaTable;
import io.delta4j.VacuumResult;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vacuum}: deletes the files the table no longer references that are older than the
 * retention (the table's {@code delta.deletedFileRetentionDuration}, one week when unset, or
 * {@code --retention-hours}). Prints {@code vacuum: deleted N files (B bytes)}; with
 * {@code --dry-run}, the files' URIs one per line, then {@code vacuum: would delete N files (B bytes)}.
 */
@Command(name = "vacuum", mixinStandardHelpOptions = true,
    description = "Delete files the table no longer references, older than the retention.")
final class VacuumCommand extends TableCommand {
  @Option(names = "--retention-hours", paramLabel = "H",
      description = "Keep files removed less than H hours ago (default: the table's delta.deletedFileRetentionDuration, one week when unset).")
  Long retentionHours;

  @Option(names = "--dry-run", description = "List the files that would be deleted; delete nothing.")
  boolean dryRun;

  @Option(names = "--force",
      description = "Allow a retention shorter than the table's: only when nothing reads old versions or writes the table meanwhile.")
  boolean force;

  @Override
  public Integer call() {
    if (retentionHours != null && retentionHours < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--retention-hours must be 0 or more, was " + retentionHours);
    }
    try (DeltaTable t = openTable()) {
      VacuumResult r = retentionHours == null
          ? t.vacuum(dryRun)
          : t.vacuum(Duration.ofHours(retentionHours), dryRun, force);
      if (r.dryRun()) {
        for (URI file : r.files()) {
          out().println(file);
        }
      }
      out().println("vacuum: " + (r.dryRun() ? "would delete " : "deleted ") + CommitSummary.plural(r.files().size(), "file")
          + " (" + r.bytes() + " bytes)");
      out().flush();
    }
    return 0;
  }
}
