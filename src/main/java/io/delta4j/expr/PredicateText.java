package io.delta4j.expr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Renders predicates as the text {@link PredicateParser} reads, so that {@code
 * Predicates.parse(p.toString())} gives back {@code p} for every predicate the parser can produce.
 * Parentheses appear only where precedence needs them, plus around the operand of NOT for clarity.
 */
final class PredicateText {
  /** Words the parser reads as keywords wherever they appear, so a column with that name needs backquotes. */
  static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "IS", "NULL", "IN", "TRUE", "FALSE");

  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.ROOT);

  private static final int OR = 1;
  private static final int AND = 2;
  private static final int LEAF = 3;

  private PredicateText() {}

  static String render(Predicate predicate) {
    StringBuilder out = new StringBuilder();
    render(predicate, OR, out);
    return out.toString();
  }

  /** Appends {@code predicate}, in parentheses when it binds more loosely than {@code minLevel}. */
  private static void render(Predicate predicate, int minLevel, StringBuilder out) {
    int level = predicate instanceof Predicate.Or ? OR : predicate instanceof Predicate.And ? AND : LEAF;
    if (level < minLevel) {
      out.append('(');
    }
    // The right operand needs parentheses when it is the same operator, so that the left-nested
    // tree the parser builds for "a OR b OR c" is the only one rendered without them.
    if (predicate instanceof Predicate.Or or) {
      render(or.left(), OR, out);
      out.append(" OR ");
      render(or.right(), AND, out);
    } else if (predicate instanceof Predicate.And and) {
      render(and.left(), AND, out);
      out.append(" AND ");
      render(and.right(), LEAF, out);
    } else if (predicate instanceof Predicate.Not not) {
      out.append("NOT (");
      render(not.child(), OR, out);
      out.append(')');
    } else if (predicate instanceof Predicate.Comparison c) {
      out.append(column(c.column())).append(' ').append(c.operator().symbol()).append(' ')
          .append(literal(c.literal()));
    } else if (predicate instanceof Predicate.IsNull n) {
      out.append(column(n.column())).append(" IS NULL");
    } else if (predicate instanceof Predicate.IsNotNull n) {
      out.append(column(n.column())).append(" IS NOT NULL");
    } else if (predicate instanceof Predicate.In in) {
      StringJoiner values = new StringJoiner(", ", " IN (", ")");
      in.values().forEach(v -> values.add(literal(v)));
      out.append(column(in.column())).append(values);
    } else {
      out.append(((Predicate.Constant) predicate).value() ? "TRUE" : "FALSE");
    }
    if (level < minLevel) {
      out.append(')');
    }
  }

  static String column(Column column) {
    StringJoiner out = new StringJoiner(".");
    for (String name : column.path()) {
      boolean plain = SIMPLE_NAME.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(Locale.ROOT));
      out.add(plain ? name : "`" + name.replace("`", "``") + "`");
    }
    return out.toString();
  }

  /** A literal as the parser reads it back; NaN and infinities, which the parser has no syntax for, as Java prints them. */
  static String literal(Literal literal) {
    Object value = literal.rawValue();
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Short) {
      return value + "S";
    }
    if (value instanceof Byte) {
      return value + "Y";
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? d + "D" : d.toString();
    }
    if (value instanceof Float f) {
      return Float.isFinite(f) ? f + "F" : f.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.scale() <= 0 ? d.toPlainString() + "BD" : d.toPlainString();
    }
    if (value instanceof LocalDate d) {
      return "DATE " + quote(d.toString());
    }
    if (value instanceof Instant t) {
      return "TIMESTAMP " + quote(DATE_TIME.format(t.atOffset(ZoneOffset.UTC)));
    }
    if (value instanceof LocalDateTime t) {
      return "TIMESTAMP_NTZ " + quote(DATE_TIME.format(t));
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
    }
    return value.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
