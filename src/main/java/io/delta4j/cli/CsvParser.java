package io.delta4j.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of RFC 4180 CSV, read one at a time: fields separated by commas, records by CRLF, LF or
 * CR; a field in double quotes may hold commas, quotes (doubled) and line breaks. An empty field
 * is returned as null and a quoted empty field ({@code ""}) as the empty string, as {@code cat}
 * writes them. Empty lines between records are skipped. A quote inside an unquoted field is taken
 * literally, as most CSV writers' output expects. A leading byte order mark is skipped.
 */
final class CsvParser {
  private static final int EOF = -1;

  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int pos;
  private int limit;
  private long line = 1;
  private long recordLine = 1;
  private boolean started;

  CsvParser(Reader in) {
    this.in = in;
  }

  /** The line where the record returned last starts (1 is the first line). */
  long recordLine() {
    return recordLine;
  }

  /**
   * The fields of the next record, or null at the end of the input.
   *
   * @throws RowInputException when a quoted field is not closed, or something follows its closing quote
   */
  List<String> next() throws IOException {
    if (!started && peek() == '\uFEFF') {
      read(); // the byte order mark some spreadsheets write first
    }
    started = true;
    int c = read();
    while (c == '\r' || c == '\n') {
      endOfLine(c);
      c = read();
    }
    if (c == EOF) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      field.setLength(0);
      if (c == '"') {
        quoted(field);
        c = read();
        if (c != ',' && c != '\r' && c != '\n' && c != EOF) {
          throw new RowInputException("field " + (fields.size() + 1) + ": a quoted field must end at a comma or "
              + "the end of the line, found '" + (char) c + "' after the closing quote");
        }
        fields.add(field.toString());
      } else {
        while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
          field.append((char) c);
          c = read();
        }
        fields.add(field.length() == 0 ? null : field.toString());
      }
      if (c != ',') {
        endOfLine(c);
        return fields;
      }
      c = read();
    }
  }

  /** Reads a quoted field's text up to its closing quote (which is consumed). */
  private void quoted(StringBuilder field) throws IOException {
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new RowInputException("a quoted field is not closed before the end of the input");
      }
      if (c == '"') {
        if (peek() != '"') {
          return;
        }
        read();
      } else if (c == '\r' || c == '\n') {
        endOfLine(c);
      }
      field.append((char) c);
    }
  }

  /** Counts a line ending; CRLF counts once (at its LF). */
  private void endOfLine(int c) throws IOException {
    if (c == '\n' || (c == '\r' && peek() != '\n')) {
      line++;
    }
  }

  private int read() throws IOException {
    int c = peek();
    if (c != EOF) {
      pos++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (pos == limit) {
      limit = in.read(buffer);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[pos];
  }
}
