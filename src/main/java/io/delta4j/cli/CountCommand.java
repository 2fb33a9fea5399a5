package io.delta4j.cli;

import io.delta4j.DeltaTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code count}: the number of rows (deleted rows excluded), or of those matching {@code --where}; one line. */
@Command(name = "count", mixinStandardHelpOptions = true, description = "Count the rows of a table version.")
final class CountCommand extends TableCommand {
  @ArgGroup(exclusive = true)
  VersionOptions at = new VersionOptions();

  @Option(names = "--where", paramLabel = "EXPR",
      description = "Count only rows matching EXPR, e.g. \"id > 5 AND (name = 'x' OR d IS NULL) AND k IN (1, 2)\".")
  String where;

  @Override
  public Integer call() {
    try (DeltaTable t = at.open(this)) {
      long rows = ScanArgs.scan(at.select(t), null, where).count();
      out().println(rows);
      out().flush();
    }
    return 0;
  }
}
