package io.delta4j.cli;

import io.delta4j.Row;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code table}: an aligned text table for people, not for scripts. The first rows (up to
 * {@code --limit}, at most {@value #MAX_BUFFERED}) are held back to size the columns, then written
 * with the header; later rows stream, and a longer value overflows its column rather than being
 * cut. Numbers are right-aligned, the rest left-aligned; widths count code points. A null prints as
 * {@code null}; CR, LF and tab inside values print as {@code \r}, {@code \n}, {@code \t}. The last
 * line is the row count: {@code (22 rows)}.
 */
final class TableOutput extends RowOutput {
  static final int MAX_BUFFERED = 1000;
  private static final String NULL = "null";

  private final int buffered;
  private final boolean[] rightAligned;
  private final List<String[]> held = new ArrayList<>();
  private int[] widths; // null until the header is written

  TableOutput(PrintWriter out, StructType schema, int buffered) {
    super(out, schema);
    this.buffered = Math.max(1, buffered);
    List<StructField> fields = schema.fields();
    rightAligned = new boolean[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      rightAligned[i] = isNumber(fields.get(i).type());
    }
  }

  @Override
  void row(Row row) {
    List<StructField> fields = schema.fields();
    String[] cells = new String[fields.size()];
    for (int i = 0; i < cells.length; i++) {
      String text = CellValues.text(fields.get(i).type(), row.get(i));
      cells[i] = text == null ? NULL : escape(text);
    }
    if (widths != null) {
      line(cells);
      return;
    }
    held.add(cells);
    if (held.size() >= buffered) {
      writeHeld();
    }
  }

  @Override
  void finish(long rows) {
    if (widths == null) {
      writeHeld();
    }
    out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
    out.flush();
  }

  private void writeHeld() {
    String[] header = schema.fieldNames().toArray(String[]::new);
    widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = width(header[i]);
      for (String[] cells : held) {
        widths[i] = Math.max(widths[i], width(cells[i]));
      }
    }
    line(header);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    held.forEach(this::line);
    held.clear();
  }

  private void line(String[] cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(Math.max(0, widths[i] - width(cells[i])));
      line.append(i == 0 ? "" : " | ");
      if (rightAligned[i]) {
        line.append(pad).append(cells[i]);
      } else {
        line.append(cells[i]).append(i == cells.length - 1 ? "" : pad); // no trailing blanks
      }
    }
    out.println(line);
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String escape(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static boolean isNumber(DataType type) {
    return type instanceof DecimalType || type == PrimitiveType.BYTE || type == PrimitiveType.SHORT
        || type == PrimitiveType.INTEGER || type == PrimitiveType.LONG || type == PrimitiveType.FLOAT
        || type == PrimitiveType.DOUBLE;
  }
}
