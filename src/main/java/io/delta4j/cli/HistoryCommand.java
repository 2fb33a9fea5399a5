package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.DeltaTable;
import io.delta4j.HistoryEntry;
import io.delta4j.log.action.CommitInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code history}: commits newest first. Text: one line per commit ({@code version timestamp
 * operation parameters}). {@code --json}: an array of {@code {version, timestamp, commitInfo}}
 * where commitInfo is the object exactly as the log holds it (or null).
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the commit history, newest first.")
final class HistoryCommand extends TableCommand {
  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Show at most N commits (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (DeltaTable t = openTable()) {
      List<HistoryEntry> entries = t.history(limit);
      PrintWriter out = out();
      if (json) {
        try (JsonGenerator gen = JsonOutput.generator(out)) {
          gen.writeStartArray();
          for (HistoryEntry e : entries) {
            gen.writeStartObject();
            gen.writeNumberField("version", e.version());
            gen.writeStringField("timestamp", e.timestamp().toString());
            gen.writeFieldName("commitInfo");
            if (e.commitInfo().isPresent()) {
              JsonOutput.writeRaw(gen, e.commitInfo().get().json());
            } else {
              gen.writeNull();
            }
            gen.writeEndObject();
          }
          gen.writeEndArray();
        }
        out.println();
      } else {
        out.printf("%-8s %-24s %-20s %s%n", "version", "timestamp", "operation", "parameters");
        for (HistoryEntry e : entries) {
          String operation = e.commitInfo().flatMap(CommitInfo::operation).orElse("");
          String parameters = e.commitInfo().map(c -> c.operationParameters().toString()).orElse("");
          out.printf("%-8d %-24s %-20s %s%n", e.version(), e.timestamp(), operation, parameters);
        }
      }
      out.flush();
    }
    return 0;
  }
}
