package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.DeltaTable;
import io.delta4j.Snapshot;
import io.delta4j.types.SchemaJson;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema}: the table schema as a tree, or as Delta's schema JSON with {@code --json}. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the table schema.")
final class SchemaCommand extends TableCommand {
  @ArgGroup(exclusive = true)
  VersionOptions at = new VersionOptions();

  @Option(names = "--json", description = "Print the schema as Delta schema JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (DeltaTable t = at.open(this)) {
      Snapshot s = at.select(t);
      PrintWriter out = out();
      if (json) {
        try (JsonGenerator gen = JsonOutput.generator(out)) {
          JsonOutput.writeRaw(gen, SchemaJson.toJson(s.schema()));
        }
        out.println();
      } else {
        SchemaTree.print(s.schema(), s.partitionColumns(), out);
      }
      out.flush();
    }
    return 0;
  }
}
