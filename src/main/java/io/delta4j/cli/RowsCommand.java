package io.delta4j.cli;

import io.delta4j.InvalidRowException;
import io.delta4j.Transaction;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What the commands that write rows share: {@code --from} and {@code --format}. */
abstract class RowsCommand extends TableCommand {
  @Option(names = "--from", required = true, paramLabel = "FILE",
      description = "The rows: a JSON lines (.jsonl, .json, .ndjson) or CSV (.csv, with a header) file, or - for stdin.")
  String from;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "jsonl or csv; by default the file's extension says (stdin: jsonl).")
  RowInput.Format format;

  /**
   * Hands the rows of {@code --from}, typed for the transaction's schema and read as they are
   * written, to {@code write} (e.g. {@code tx::append}), with a progress bar on a terminal. A row
   * the table refuses is reported at its line of the input.
   */
  final void writeRows(String task, Transaction tx, Consumer<Iterable<Map<String, Object>>> write) throws IOException {
    RowInput input = RowInput.of(from, format);
    try (RowSource rows = input.open(tx.readSnapshot().schema());
        Progress progress = Progress.onTerminal(task, input.size())) {
      try {
        write.accept(progress.track(rows));
      } catch (InvalidRowException e) {
        // The write pulls one row at a time and checks it before the next: the last row read is the one.
        String detail = e.getMessage().substring(e.table().length() + 2);
        throw new RowInputException(rows.name() + " line " + rows.line() + ": " + detail, e);
      }
    }
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<RowInput.Format> {
    @Override
    public RowInput.Format convert(String value) {
      return RowInput.Format.parse(value);
    }
  }
}
