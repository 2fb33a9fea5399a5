package io.delta4j.cli;

import io.delta4j.Scan;
import io.delta4j.Snapshot;
import io.delta4j.expr.Predicates;
import java.util.ArrayList;
import java.util.List;

/** The scan that {@code --select} and {@code --where} describe, built with the public API only. */
final class ScanArgs {
  private ScanArgs() {}

  /**
   * {@code snapshot.scan()}, restricted to {@code select} (comma-separated column names, or null for
   * all) and filtered by {@code where} (SQL-like, see {@link Predicates#parse}, or null). Errors in
   * either are {@link IllegalArgumentException}s with the parser's or the binder's message.
   */
  static Scan scan(Snapshot snapshot, String select, String where) {
    Scan scan = snapshot.scan();
    if (select != null) {
      scan = scan.select(columns(select).toArray(String[]::new));
    }
    if (where != null) {
      scan = scan.filter(Predicates.parse(where));
    }
    return scan;
  }

  /**
   * Splits {@code a, address.city, `x,y`} at the commas outside backquotes and strips the blanks
   * around each name; the names are then dotted paths as {@code Scan.select} reads them.
   */
  static List<String> columns(String select) {
    List<String> names = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < select.length(); i++) {
      char c = select.charAt(i);
      if (c == ',' && !quoted) {
        names.add(name.toString().strip());
        name.setLength(0);
        continue;
      }
      if (c == '`') {
        quoted = !quoted; // a doubled backquote inside a quoted name toggles twice
      }
      name.append(c);
    }
    names.add(name.toString().strip());
    if (names.contains("")) {
      throw new IllegalArgumentException("Invalid --select '" + select + "': a column name is empty.");
    }
    return names;
  }
}
