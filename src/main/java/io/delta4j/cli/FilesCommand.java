package io.delta4j.cli;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code files}: the live files' paths, one per line, exactly as written in the log. */
@Command(name = "files", mixinStandardHelpOptions = true, description = "List the live data files (log paths, one per line).")
final class FilesCommand extends TableCommand {
  @ArgGroup(exclusive = true)
  VersionOptions at = new VersionOptions();

  @Override
  public Integer call() {
    try (DeltaTable t = at.open(this);
        CloseableIterator<String> paths = at.select(t).filePaths()) {
      PrintWriter out = out();
      paths.forEachRemaining(out::println);
      out.flush();
    }
    return 0;
  }
}
