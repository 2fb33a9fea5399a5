package io.delta4j.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a schema written as Spark SQL's DDL column list, as a command line takes it:
 *
 * <pre>
 * id long NOT NULL, name string COMMENT 'display name', price decimal(10,2),
 * tags array&lt;string&gt;, m map&lt;string,int&gt;, s struct&lt;a:int, b:string NOT NULL&gt;
 * </pre>
 *
 * Type names ignore case: {@code boolean}, {@code byte}/{@code tinyint}, {@code short}/{@code
 * smallint}, {@code int}/{@code integer}, {@code long}/{@code bigint}, {@code float}/{@code real},
 * {@code double}, {@code string}, {@code binary}, {@code date}, {@code timestamp} (also {@code
 * timestamp_ltz}), {@code timestamp_ntz}, {@code variant}, {@code decimal[(p[,s])]} (also {@code
 * dec}, {@code numeric}; bare, it is {@code decimal(10,0)}), {@code array<t>}, {@code map<k,v>}
 * and {@code struct<name[:] type, ...>}. Backquotes quote a name ({@code `my col`}; two backquotes
 * inside for one). Columns, struct fields, array elements and map values are nullable unless
 * {@code NOT NULL} follows the column or field; {@code COMMENT '...'} is kept as the field's
 * {@code comment} metadata, as Spark keeps it.
 */
public final class SchemaDdl {
  private final String text;
  private int pos;

  private SchemaDdl(String text) {
    this.text = text;
  }

  /**
   * Parses a DDL column list.
   *
   * @throws IllegalArgumentException saying what was expected at which position (1-based), with the
   *     text, e.g. {@code Expected a type at position 4 (found end of input) in: id}
   */
  public static StructType parse(String ddl) {
    SchemaDdl parser = new SchemaDdl(ddl);
    StructType schema = parser.fields(null);
    parser.skipBlanks();
    if (parser.pos < ddl.length()) {
      throw parser.expected("',' or the end");
    }
    return schema;
  }

  /** Fields separated by commas, up to {@code close} (null: the end of the text). */
  private StructType fields(String close) {
    List<StructField> fields = new ArrayList<>();
    int start = position();
    if (close == null || !peekSymbol(close)) {
      do {
        fields.add(field());
      } while (acceptSymbol(","));
    }
    try {
      return new StructType(fields);
    } catch (IllegalArgumentException e) { // a duplicate name
      throw error(e.getMessage().replaceAll("\\.$", "") + " at position " + (start + 1));
    }
  }

  private StructField field() {
    String name = name();
    acceptSymbol(":");
    DataType type = type();
    boolean nullable = true;
    if (acceptWord("NOT")) {
      if (!acceptWord("NULL")) {
        throw expected("NULL");
      }
      nullable = false;
    }
    Map<String, Object> metadata = Map.of();
    if (acceptWord("COMMENT")) {
      metadata = Map.of("comment", string());
    }
    return new StructField(name, type, nullable, metadata);
  }

  private DataType type() {
    int start = position();
    String word = word();
    if (word == null) {
      throw expected("a type");
    }
    switch (word.toLowerCase(Locale.ROOT)) {
      case "array": {
        expectSymbol("<");
        DataType element = type();
        expectSymbol(">");
        return new ArrayType(element, true);
      }
      case "map": {
        expectSymbol("<");
        DataType key = type();
        expectSymbol(",");
        DataType value = type();
        expectSymbol(">");
        return new MapType(key, value, true);
      }
      case "struct": {
        expectSymbol("<");
        StructType struct = fields(">");
        expectSymbol(">");
        return struct;
      }
      case "decimal", "dec", "numeric":
        return decimal(start);
      default:
        PrimitiveType primitive = primitive(word.toLowerCase(Locale.ROOT));
        if (primitive == null) {
          pos = start;
          throw expected("a type such as long, string, decimal(10,2), array<int>, map<string,int> or struct<a:int>");
        }
        return primitive;
    }
  }

  private static PrimitiveType primitive(String name) {
    return switch (name) {
      case "boolean" -> PrimitiveType.BOOLEAN;
      case "byte", "tinyint" -> PrimitiveType.BYTE;
      case "short", "smallint" -> PrimitiveType.SHORT;
      case "int", "integer" -> PrimitiveType.INTEGER;
      case "long", "bigint" -> PrimitiveType.LONG;
      case "float", "real" -> PrimitiveType.FLOAT;
      case "double" -> PrimitiveType.DOUBLE;
      case "string" -> PrimitiveType.STRING;
      case "binary" -> PrimitiveType.BINARY;
      case "date" -> PrimitiveType.DATE;
      case "timestamp", "timestamp_ltz" -> PrimitiveType.TIMESTAMP;
      case "timestamp_ntz" -> PrimitiveType.TIMESTAMP_NTZ;
      case "variant" -> PrimitiveType.VARIANT;
      default -> null;
    };
  }

  private DecimalType decimal(int start) {
    if (!acceptSymbol("(")) {
      return DecimalType.USER_DEFAULT;
    }
    int precision = number();
    int scale = acceptSymbol(",") ? number() : 0;
    expectSymbol(")");
    String problem = DecimalType.problem(precision, scale);
    if (problem != null) {
      throw error("Invalid decimal(" + precision + "," + scale + ") at position " + (start + 1) + ": " + problem);
    }
    return new DecimalType(precision, scale);
  }

  private String name() {
    skipBlanks();
    if (pos < text.length() && text.charAt(pos) == '`') {
      int start = pos;
      StringBuilder name = new StringBuilder();
      for (pos++; pos < text.length(); pos++) {
        char c = text.charAt(pos);
        if (c == '`') {
          if (pos + 1 < text.length() && text.charAt(pos + 1) == '`') {
            pos++;
          } else {
            pos++;
            return name.toString();
          }
        }
        name.append(c);
      }
      pos = start;
      throw error("Unclosed backquote at position " + (start + 1));
    }
    String word = word();
    if (word == null) {
      throw expected("a column name");
    }
    return word;
  }

  /** A single-quoted string; a backslash escapes the next character. */
  private String string() {
    skipBlanks();
    int start = pos;
    if (pos >= text.length() || text.charAt(pos) != '\'') {
      throw expected("a quoted comment");
    }
    StringBuilder out = new StringBuilder();
    for (pos++; pos < text.length(); pos++) {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < text.length()) {
        out.append(text.charAt(++pos));
      } else if (c == '\'') {
        pos++;
        return out.toString();
      } else {
        out.append(c);
      }
    }
    pos = start;
    throw error("Unclosed quote at position " + (start + 1));
  }

  private int number() {
    skipBlanks();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && pos - start < 9) {
      pos++;
    }
    if (pos == start) {
      throw expected("a number");
    }
    return Integer.parseInt(text.substring(start, pos));
  }

  /** The letters, digits and underscores at the cursor, consumed; null when there are none. */
  private String word() {
    skipBlanks();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return pos == start ? null : text.substring(start, pos);
  }

  private boolean acceptWord(String keyword) {
    int start = pos;
    String word = word();
    if (word != null && word.equalsIgnoreCase(keyword)) {
      return true;
    }
    pos = start;
    return false;
  }

  private boolean peekSymbol(String symbol) {
    skipBlanks();
    return text.startsWith(symbol, pos);
  }

  private boolean acceptSymbol(String symbol) {
    if (peekSymbol(symbol)) {
      pos += symbol.length();
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw expected("'" + symbol + "'");
    }
  }

  private int position() {
    skipBlanks();
    return pos;
  }

  private void skipBlanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException expected(String what) {
    int at = position();
    String word = word();
    pos = at;
    String found = at >= text.length() ? "end of input" : "'" + (word != null ? word : text.charAt(at)) + "'";
    return error("Expected " + what + " at position " + (at + 1) + " (found " + found + ")");
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("Invalid schema: " + problem + " in: " + text);
  }
}
