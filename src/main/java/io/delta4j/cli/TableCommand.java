package io.delta4j.cli;

import io.delta4j.DeltaTable;
import io.delta4j.Snapshot;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What every subcommand shares: the table argument, {@code --debug}, and the output stream. */
abstract class TableCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<table>", description = "Table path or URI.")
  String table;

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;

  @Spec
  CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Selects a version: the latest, {@code --version N}, or {@code --timestamp ISO}. */
  static final class VersionOptions {
    @Option(names = "--version", paramLabel = "N", description = "Read the table as of this version.")
    Long version;

    @Option(names = "--timestamp", paramLabel = "ISO",
        description = "Read the table as of this time: 2024-05-01T10:00:00Z, 2024-05-01T10:00:00 (UTC) or 2024-05-01.")
    String timestamp;

    /** Opens the table at the selected version, so that only the log up to it is read. */
    DeltaTable open(String table) {
      return version != null ? DeltaTable.open(table, version) : DeltaTable.open(table);
    }

    /** The selected snapshot of a table {@link #open opened} by these options. */
    Snapshot select(DeltaTable table) {
      if (timestamp != null) {
        return table.snapshotAsOf(parseInstant(timestamp));
      }
      return table.snapshot();
    }
  }

  static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException(
              "Invalid --timestamp '" + text + "': expected ISO-8601 such as 2024-05-01T10:00:00Z");
        }
      }
    }
  }
}
