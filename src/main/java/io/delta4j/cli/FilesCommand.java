package io.delta4j.cli;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.log.action.AddFile;
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
    try (DeltaTable t = at.open(table);
        CloseableIterator<AddFile> files = at.select(t).addFiles()) {
      PrintWriter out = out();
      files.forEachRemaining(f -> out.println(f.path()));
      out.flush();
    }
    return 0;
  }
}
