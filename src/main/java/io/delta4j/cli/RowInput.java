package io.delta4j.cli;

import io.delta4j.types.StructType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The {@code --from} input of a write: a file, or {@code -} for standard input, in JSON lines or
 * CSV, chosen by {@code --format} or else by the file's extension ({@code .jsonl}, {@code .json},
 * {@code .ndjson}; {@code .csv}); standard input is JSON lines unless {@code --format csv}.
 */
final class RowInput {
  static final String STDIN = "-";

  /** The {@code --format} values of write commands; their names are the contract. */
  enum Format {
    JSONL, CSV;

    static Format parse(String text) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(text)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("expected jsonl or csv but was '" + text + "'");
    }

    /** By extension; null when the name says nothing. */
    static Format ofName(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
        return JSONL;
      }
      return lower.endsWith(".csv") ? CSV : null;
    }
  }

  private final String from;
  private final Format format;
  private final OptionalLong size;

  private RowInput(String from, Format format, OptionalLong size) {
    this.from = from;
    this.format = format;
    this.size = size;
  }

  /**
   * Checks {@code from} and settles its format; nothing is read yet.
   *
   * @param format the {@code --format} given, or null
   * @throws IllegalArgumentException when the file is missing or its format cannot be told
   */
  static RowInput of(String from, Format format) throws IOException {
    if (from.equals(STDIN)) {
      return new RowInput(from, format == null ? Format.JSONL : format, OptionalLong.empty());
    }
    Path path = Path.of(from);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("Cannot read --from " + from + ": " + (Files.exists(path) ? "not a file" : "no such file"));
    }
    Format chosen = format != null ? format : Format.ofName(from);
    if (chosen == null) {
      throw new IllegalArgumentException("Cannot tell the format of --from " + from
          + " from its name: give --format jsonl or --format csv.");
    }
    return new RowInput(from, chosen, OptionalLong.of(Files.size(path)));
  }

  /** The input's size in bytes, when known (not for standard input). */
  OptionalLong size() {
    return size;
  }

  /** Opens the records, typed for {@code schema}; the caller closes them. */
  RowSource open(StructType schema) throws IOException {
    CountingInputStream in;
    try {
      in = new CountingInputStream(from.equals(STDIN) ? unclosable(System.in) : Files.newInputStream(Path.of(from)));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Cannot read --from " + from + ": no such file");
    }
    String name = from.equals(STDIN) ? "stdin" : from;
    return format == Format.CSV ? new CsvRows(name, in, schema) : new JsonlRows(name, in, schema);
  }

  /** Standard input stays open for whoever runs the tool in its own process (tests, embedders). */
  private static InputStream unclosable(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
