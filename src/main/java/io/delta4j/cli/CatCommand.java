package io.delta4j.cli;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.Scan;
import io.delta4j.types.StructType;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cat}: the rows of a table version, streamed, in {@code jsonl} (the default), {@code csv}
 * or {@code table} (see {@link CellValues}, {@link CsvOutput}, {@link TableOutput}). Columns are
 * the table's in schema order, or those of {@code --select} in its order; a nested selection
 * ({@code address.city}) returns its struct pruned to the selected fields. Nothing is written
 * before the first row has been read, so errors in the arguments, in opening the table or in
 * reading the first file leave stdout empty; an error later ends the output after the last whole
 * row written ({@code table} may hold back up to 1,000 rows). A closed output (a pipe into
 * {@code head}) is noticed within {@value #CHECK_EVERY} rows and stops the reading.
 */
@Command(name = "cat", mixinStandardHelpOptions = true, description = "Print the rows of a table version.")
final class CatCommand extends TableCommand {
  /** How often (in rows) to ask whether the output still takes data. */
  private static final int CHECK_EVERY = 1024;

  @ArgGroup(exclusive = true)
  VersionOptions at = new VersionOptions();

  @Option(names = "--select", paramLabel = "COLUMNS",
      description = "Only these columns, comma-separated; dots reach into structs (address.city).")
  String select;

  @Option(names = "--where", paramLabel = "EXPR",
      description = "Only rows matching EXPR, e.g. \"id > 5 AND (name = 'x' OR d IS NULL) AND k IN (1, 2)\".")
  String where;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N rows.")
  Long limit;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      defaultValue = "jsonl", description = "jsonl (default), csv or table.")
  RowOutput.Format format;

  @Override
  public Integer call() throws IOException {
    if (limit != null && limit < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more, was " + limit);
    }
    long max = limit == null ? Long.MAX_VALUE : limit;
    try (DeltaTable t = at.open(this)) {
      Scan scan = ScanArgs.scan(at.select(t), select, where);
      StructType schema = scan.schema(); // resolves --select and --where before anything is read
      try (CloseableIterator<Row> rows = scan.rows()) {
        boolean any = max > 0 && rows.hasNext(); // the first file opens before anything is written
        RowOutput output = format.open(out(), schema, max);
        output.start();
        long n = copy(rows, any, output, max);
        output.finish(n);
        if (out().checkError()) {
          throw outputFailed(n);
        }
      }
    }
    return 0;
  }

  /** Writes rows until {@code max} or the end; {@code any}: whether there is a first row. */
  private static long copy(CloseableIterator<Row> rows, boolean any, RowOutput output, long max) throws IOException {
    long n = 0;
    try {
      for (boolean more = any; more; more = n < max && rows.hasNext()) {
        output.row(rows.next());
        n++;
        if (n % CHECK_EVERY == 0 && output.failed()) {
          throw outputFailed(n);
        }
      }
    } catch (RuntimeException | IOException e) {
      output.flush(); // the rows written so far, whole, then the error
      throw e;
    }
    return n;
  }

  private static IOException outputFailed(long rows) {
    return new IOException("Cannot write the output (a closed pipe or a full disk); stopped after " + rows + " rows.");
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<RowOutput.Format> {
    @Override
    public RowOutput.Format convert(String value) {
      return RowOutput.Format.parse(value);
    }
  }
}
