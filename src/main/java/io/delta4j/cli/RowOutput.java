package io.delta4j.cli;

import io.delta4j.Row;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Where {@code cat} writes rows, in one of its formats. Rows arrive one at a time and are written
 * as they come (only {@code table} holds back its first rows to size its columns), so the output
 * of a table larger than memory streams.
 */
abstract class RowOutput {
  /** The {@code --format} values; their names are the contract. */
  enum Format {
    JSONL, CSV, TABLE;

    static Format parse(String text) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(text)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "expected one of jsonl, csv, table but was '" + text + "'");
    }

    RowOutput open(PrintWriter out, StructType schema, long limit) throws IOException {
      return switch (this) {
        case JSONL -> new JsonlOutput(out, schema);
        case CSV -> new CsvOutput(out, schema);
        case TABLE -> new TableOutput(out, schema, (int) Math.min(limit, TableOutput.MAX_BUFFERED));
      };
    }
  }

  final PrintWriter out;
  final StructType schema;

  RowOutput(PrintWriter out, StructType schema) {
    this.out = out;
    this.schema = schema;
  }

  /** Writes what comes before the rows (a header), if anything. */
  void start() throws IOException {}

  abstract void row(Row row) throws IOException;

  /** Writes what is held back and what comes after the rows, then flushes. */
  abstract void finish(long rows) throws IOException;

  /** Pushes the rows written so far to the stream. */
  void flush() throws IOException {
    out.flush();
  }

  /**
   * True when the stream can no longer be written (a closed pipe, a full disk). A PrintWriter
   * swallows write errors, so without asking, {@code cat table | head} would read the whole table.
   */
  boolean failed() throws IOException {
    flush();
    return out.checkError();
  }
}
