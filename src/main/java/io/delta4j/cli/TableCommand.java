package io.delta4j.cli;

import io.delta4j.DeltaTable;
import io.delta4j.Snapshot;
import io.delta4j.StorageOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every subcommand shares: the table argument, {@code --storage-option}, {@code --debug}, and
 * the output stream. Commands open their table through {@link #openTable}, which applies the
 * storage options.
 */
abstract class TableCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<table>", description = "Table path or URI (s3://bucket/path for S3).")
  String table;

  @Option(names = "--storage-option", paramLabel = "KEY=VALUE",
      description = "A storage setting, e.g. endpoint=http://127.0.0.1:9000 or region=eu-west-1 for s3:// tables; "
          + "repeatable. What is not given comes from the AWS environment (AWS_REGION, AWS_PROFILE, ...).")
  Map<String, String> storage = new LinkedHashMap<>();

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;

  @Spec
  CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  StorageOptions storageOptions() {
    return StorageOptions.of(storage);
  }

  /** The table at its latest version. */
  DeltaTable openTable() {
    return openTable(OptionalLong.empty());
  }

  /** The table at {@code version} (only the log up to it is read), else at its latest. */
  DeltaTable openTable(OptionalLong version) {
    return version.isPresent()
        ? DeltaTable.open(table, version.getAsLong(), storageOptions())
        : DeltaTable.open(table, storageOptions());
  }

  /** Selects a version: the latest, {@code --version N}, or {@code --timestamp ISO}. */
  static final class VersionOptions {
    @Option(names = "--version", paramLabel = "N", description = "Read the table as of this version.")
    Long version;

    @Option(names = "--timestamp", paramLabel = "ISO",
        description = "Read the table as of this time: 2024-05-01T10:00:00Z, 2024-05-01T10:00:00 (UTC) or 2024-05-01.")
    String timestamp;

    /** Opens the command's table at the selected version, so that only the log up to it is read. */
    DeltaTable open(TableCommand command) {
      return command.openTable(version != null ? OptionalLong.of(version) : OptionalLong.empty());
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
