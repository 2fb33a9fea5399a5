package io.delta4j.cdf;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.TableChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Change rows as text, one line per row with the values joined by {@code |}, null as the empty
 * string and structs as {@code {name: value, ...}} (how kernel-rs's expected tables print them),
 * sorted, so that two feeds compare as multisets.
 */
final class ChangeText {
  private ChangeText() {}

  /** Every row, without {@code _commit_timestamp} (git does not keep commit file times), sorted. */
  static List<String> withoutTimestamp(TableChanges changes) {
    List<String> columns = new ArrayList<>(changes.schema().fieldNames());
    columns.remove(TableChanges.COMMIT_TIMESTAMP);
    return lines(changes.select(columns.stream().map(ChangeText::quote).toArray(String[]::new)));
  }

  /** Every row of the changes as they are, sorted. */
  static List<String> lines(TableChanges changes) {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Row> rows = changes.rows()) {
      while (rows.hasNext()) {
        out.add(line(rows.next()));
      }
    }
    out.sort(null);
    return out;
  }

  /** The expected lines, sorted. */
  static List<String> sorted(String... lines) {
    List<String> out = new ArrayList<>(List.of(lines));
    out.sort(null);
    return out;
  }

  static String line(Row row) {
    StringJoiner out = new StringJoiner("|");
    for (int i = 0; i < row.schema().length(); i++) {
      out.add(value(row.get(i)));
    }
    return out.toString();
  }

  private static String value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Row struct) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      for (int i = 0; i < struct.schema().length(); i++) {
        out.add(struct.schema().fields().get(i).name() + ": " + value(struct.get(i)));
      }
      return out.toString();
    }
    return v.toString();
  }

  /** A column name as select() reads it: backquoted, so that dots stay part of the name. */
  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
