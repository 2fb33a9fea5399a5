package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Snapshot;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.Protocol;
import io.delta4j.types.SchemaJson;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code info}: version, file count and size, partition columns, schema, protocol and properties.
 * The {@code --json} form is a contract: keys {@code table, version, timestamp, numFiles,
 * sizeInBytes, partitionColumns, schema, protocol, properties}.
 */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Summarise a table version.")
final class InfoCommand extends TableCommand {
  @ArgGroup(exclusive = true)
  VersionOptions at = new VersionOptions();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (DeltaTable t = at.open(this)) {
      Snapshot s = at.select(t);
      long files = 0;
      long bytes = 0;
      try (CloseableIterator<AddFile> it = s.addFiles()) {
        while (it.hasNext()) {
          files++;
          bytes += it.next().size();
        }
      }
      if (json) {
        printJson(s, files, bytes);
      } else {
        printText(s, files, bytes);
      }
    }
    return 0;
  }

  private void printText(Snapshot s, long files, long bytes) {
    PrintWriter out = out();
    Protocol p = s.protocol();
    out.println("table:             " + table);
    out.println("version:           " + s.version());
    out.println("timestamp:         " + s.timestamp());
    out.println("files:             " + files);
    out.println("size:              " + bytes + " bytes");
    out.println("partition columns: " + String.join(", ", s.partitionColumns()));
    out.println("schema:            " + s.schema().simpleString());
    out.println("protocol:          reader " + p.minReaderVersion() + ", writer " + p.minWriterVersion());
    if (p.hasReaderFeatures()) {
      out.println("reader features:   " + String.join(", ", p.readerFeatures()));
    }
    if (p.hasWriterFeatures()) {
      out.println("writer features:   " + String.join(", ", p.writerFeatures()));
    }
    out.println("properties:" + (s.properties().isEmpty() ? "        (none)" : ""));
    for (Map.Entry<String, String> e : s.properties().entrySet()) {
      out.println("  " + e.getKey() + "=" + e.getValue());
    }
    out.flush();
  }

  private void printJson(Snapshot s, long files, long bytes) throws IOException {
    try (JsonGenerator gen = JsonOutput.generator(out())) {
      gen.writeStartObject();
      gen.writeStringField("table", table);
      gen.writeNumberField("version", s.version());
      gen.writeStringField("timestamp", s.timestamp().toString());
      gen.writeNumberField("numFiles", files);
      gen.writeNumberField("sizeInBytes", bytes);
      gen.writeArrayFieldStart("partitionColumns");
      for (String c : s.partitionColumns()) {
        gen.writeString(c);
      }
      gen.writeEndArray();
      gen.writeFieldName("schema");
      JsonOutput.writeRaw(gen, SchemaJson.toJson(s.schema()));
      gen.writeFieldName("protocol");
      JsonOutput.writeProtocol(gen, s.protocol());
      gen.writeFieldName("properties");
      JsonValues.write(gen, s.properties());
      gen.writeEndObject();
    }
    out().println();
    out().flush();
  }
}
