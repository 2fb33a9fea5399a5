package io.delta4j.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits predicate text into tokens for {@link PredicateParser}. Positions are 0-based offsets
 * into the text; messages show them 1-based.
 */
final class PredicateLexer {
  enum Kind {
    /** An unquoted word: a keyword or a column name. */
    WORD,
    /** A backquoted name, unquoted. */
    QUOTED_NAME,
    /** A single-quoted string, unquoted. */
    STRING,
    /** A number as written, with its suffix, without a sign. */
    NUMBER,
    /** The hex digits of {@code X'..'}. */
    HEX,
    SYMBOL,
    END
  }

  /**
   * @param text the token's value (unquoted for strings and names)
   * @param position where it starts
   * @param source the text as written, for messages
   */
  record Token(Kind kind, String text, int position, String source) {
    boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    String describe() {
      return kind == Kind.END ? "end of input" : "'" + source + "'";
    }
  }

  private static final String[] SYMBOLS = {"<=", ">=", "<>", "!=", "==", "=", "<", ">", "(", ")", ",", ".", "-"};

  private final String text;
  private int pos;

  private PredicateLexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) {
    return new PredicateLexer(text).all();
  }

  private List<Token> all() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos == text.length()) {
        tokens.add(new Token(Kind.END, "", pos, ""));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int start = pos;
    char c = text.charAt(pos);
    if ((c == 'X' || c == 'x') && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
      pos++;
      String hex = quoted('\'', start);
      return new Token(Kind.HEX, hex, start, text.substring(start, pos));
    }
    if (c == '\'') {
      return new Token(Kind.STRING, quoted('\'', start), start, text.substring(start, pos));
    }
    if (c == '`') {
      return new Token(Kind.QUOTED_NAME, quoted('`', start), start, text.substring(start, pos));
    }
    if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      return number(start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < text.length() && isWordChar(text.charAt(pos))) {
        pos++;
      }
      String word = text.substring(start, pos);
      return new Token(Kind.WORD, word, start, word);
    }
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, pos)) {
        pos += symbol.length();
        return new Token(Kind.SYMBOL, symbol, start, symbol);
      }
    }
    throw PredicateParser.error("Unexpected character '" + c + "' at position " + (start + 1), text);
  }

  /** Digits, an optional fraction and exponent, and an optional type suffix; no letters right after. */
  private Token number(int start) {
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos == text.length() || !Character.isDigit(text.charAt(pos))) {
        pos = mark; // not an exponent after all; the check below reports the stray letter
      } else {
        digits();
      }
    }
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++; // the suffix, checked by the parser
    }
    String number = text.substring(start, pos);
    return new Token(Kind.NUMBER, number, start, number);
  }

  private void digits() {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  /** The content between {@code quote}s starting at {@code pos}, a doubled quote standing for one. */
  private String quoted(char quote, int start) {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != quote) {
        out.append(c);
      } else if (pos < text.length() && text.charAt(pos) == quote) {
        out.append(quote);
        pos++;
      } else {
        return out.toString();
      }
    }
    String what = quote == '`' ? "Unterminated quoted name" : "Unterminated string";
    throw PredicateParser.error(what + " starting at position " + (start + 1), text);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
