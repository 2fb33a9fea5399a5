package io.delta4j.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reference to a column by its logical name: a top-level column, or a field nested in structs,
 * given as the path of field names from the top ({@code ["address", "city"]}). A path rather than
 * a dotted string, because field names may themselves contain dots. Names resolve against the
 * schema when a predicate is bound: exactly first, then ignoring case, as Spark does.
 *
 * @param path the field names from the top-level column down; not empty, no name empty
 */
public record Column(List<String> path) {
  public Column {
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("A column reference needs at least one name.");
    }
    for (String name : path) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("A column reference has an empty name in " + path + ".");
      }
    }
  }

  /** The column at exactly these names, with no parsing: {@code Column.of("a.b")} is one column named {@code a.b}. */
  public static Column of(String... path) {
    return new Column(List.of(path));
  }

  /**
   * A column from its dotted name, as users write it: {@code address.city} is field {@code city} of
   * struct {@code address}. Backquotes quote a name that contains dots ({@code `a.b`.c}), and two
   * backquotes inside them stand for one. Other characters, spaces included, are taken as they are.
   *
   * @throws IllegalArgumentException when a name is empty or a backquote is not closed
   */
  public static Column parse(String dotted) {
    Objects.requireNonNull(dotted, "dotted");
    List<String> names = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    boolean quoted = false; // inside backquotes
    boolean closed = false; // just after a closing backquote: only a dot or the end may follow
    for (int i = 0; i < dotted.length(); i++) {
      char c = dotted.charAt(i);
      if (quoted) {
        if (c != '`') {
          name.append(c);
        } else if (i + 1 < dotted.length() && dotted.charAt(i + 1) == '`') {
          name.append('`');
          i++;
        } else {
          quoted = false;
          closed = true;
        }
      } else if (c == '.') {
        names.add(nonEmpty(name, dotted));
        name.setLength(0);
        closed = false;
      } else if (closed) {
        throw new IllegalArgumentException(
            "Invalid column name \"" + dotted + "\": a quoted name must be followed by a dot or the end.");
      } else if (c == '`' && name.isEmpty()) {
        quoted = true;
      } else {
        name.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("Invalid column name \"" + dotted + "\": a backquote is not closed.");
    }
    names.add(nonEmpty(name, dotted));
    return new Column(names);
  }

  private static String nonEmpty(StringBuilder name, String dotted) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid column name \"" + dotted + "\": it has an empty part (quote names that contain dots with backquotes).");
    }
    return name.toString();
  }

  /** The name as the expression syntax writes it: dotted, with backquotes where a name needs them. */
  @Override
  public String toString() {
    return PredicateText.column(this);
  }
}
