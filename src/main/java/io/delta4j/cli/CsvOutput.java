package io.delta4j.cli;

import io.delta4j.Row;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code csv}: RFC 4180. A header of the column names, then one record per row, each line ending
 * in CRLF. A field is quoted (quotes doubled) when it holds a comma, a quote, CR or LF. A null is
 * an empty field; an empty string is {@code ""}, so the two stay apart. Nested values (struct,
 * array, map, variant) are their compact JSON text; scalars as {@link CellValues#text}.
 */
final class CsvOutput extends RowOutput {
  private static final String CRLF = "\r\n";

  CsvOutput(PrintWriter out, StructType schema) {
    super(out, schema);
  }

  @Override
  void start() {
    List<String> names = schema.fieldNames();
    for (int i = 0; i < names.size(); i++) {
      field(i, names.get(i));
    }
    out.write(CRLF);
  }

  @Override
  void row(Row row) {
    List<StructField> fields = schema.fields();
    for (int i = 0; i < fields.size(); i++) {
      field(i, CellValues.text(fields.get(i).type(), row.get(i)));
    }
    out.write(CRLF);
  }

  @Override
  void finish(long rows) {
    out.flush();
  }

  private void field(int index, String text) {
    if (index > 0) {
      out.write(',');
    }
    if (text != null) {
      out.write(quote(text));
    }
  }

  static String quote(String text) {
    boolean plain = !text.isEmpty();
    for (int i = 0; plain && i < text.length(); i++) {
      char c = text.charAt(i);
      plain = c != ',' && c != '"' && c != '\r' && c != '\n';
    }
    return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
  }
}
