package io.delta4j.expr;

import io.delta4j.expr.PredicateLexer.Kind;
import io.delta4j.expr.PredicateLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive descent over the grammar of {@link Predicates#parse} (a tiny grammar: a generator
 * would add a dependency and hide the error messages):
 *
 * <pre>
 * predicate  := or END
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | primary
 * primary    := '(' or ')' | TRUE | FALSE | column [test] | literal operator column
 * test       := operator literal | IS [NOT] NULL | [NOT] IN '(' literal (',' literal)* ')'
 * column     := name ('.' name)*
 * </pre>
 *
 * A literal on the left ({@code 5 < id}) is turned around ({@code id > 5}), so that every
 * comparison is column-first; a column alone ({@code WHERE flag}) means {@code flag = TRUE}.
 */
final class PredicateParser {
  private static final Map<String, Operator> OPERATORS = Map.of(
      "=", Operator.EQUAL,
      "==", Operator.EQUAL,
      "<>", Operator.NOT_EQUAL,
      "!=", Operator.NOT_EQUAL,
      "<", Operator.LESS_THAN,
      "<=", Operator.LESS_THAN_OR_EQUAL,
      ">", Operator.GREATER_THAN,
      ">=", Operator.GREATER_THAN_OR_EQUAL);

  private final String text;
  private final List<Token> tokens;
  private int next;

  PredicateParser(String text) {
    this.text = text;
    this.tokens = PredicateLexer.tokenize(text);
  }

  Predicate parse() {
    Predicate predicate = or();
    if (peek().kind() != Kind.END) {
      throw expected("AND, OR or the end");
    }
    return predicate;
  }

  private Predicate or() {
    Predicate left = and();
    while (peek().isKeyword("OR")) {
      next++;
      left = new Predicate.Or(left, and());
    }
    return left;
  }

  private Predicate and() {
    Predicate left = not();
    while (peek().isKeyword("AND")) {
      next++;
      left = new Predicate.And(left, not());
    }
    return left;
  }

  private Predicate not() {
    if (peek().isKeyword("NOT")) {
      next++;
      return new Predicate.Not(not());
    }
    return primary();
  }

  private Predicate primary() {
    if (peek().isSymbol("(")) {
      next++;
      Predicate inner = or();
      expectSymbol(")");
      return inner;
    }
    if (startsLiteral()) {
      return literalFirst();
    }
    if (!startsColumn()) {
      throw expected("a column, a literal or '('");
    }
    return columnFirst(column());
  }

  /** {@code 5 < id}, turned around, or TRUE or FALSE alone. */
  private Predicate literalFirst() {
    Literal literal = literal();
    Operator operator = operator();
    if (operator != null) {
      return new Predicate.Comparison(column(), operator.flip(), literal);
    }
    if (literal.rawValue() instanceof Boolean b) {
      return new Predicate.Constant(b);
    }
    throw expected("a comparison operator");
  }

  private Predicate columnFirst(Column column) {
    Operator operator = operator();
    if (operator != null) {
      return new Predicate.Comparison(column, operator, literal());
    }
    if (acceptKeyword("IS")) {
      boolean negated = acceptKeyword("NOT");
      if (!acceptKeyword("NULL")) {
        throw expected(negated ? "NULL" : "NULL or NOT NULL");
      }
      return negated ? new Predicate.IsNotNull(column) : new Predicate.IsNull(column);
    }
    boolean negated = peek().isKeyword("NOT") && peek(1).isKeyword("IN");
    if (negated) {
      next++;
    }
    if (acceptKeyword("IN")) {
      Predicate in = new Predicate.In(column, literalList());
      return negated ? new Predicate.Not(in) : in;
    }
    if (endsCondition(peek())) {
      return new Predicate.Comparison(column, Operator.EQUAL, Literal.ofBoolean(true)); // WHERE flag
    }
    throw expected("a comparison operator, IS or IN");
  }

  private static boolean endsCondition(Token token) {
    return token.kind() == Kind.END || token.isSymbol(")") || token.isKeyword("AND") || token.isKeyword("OR");
  }

  private List<Literal> literalList() {
    expectSymbol("(");
    List<Literal> values = new ArrayList<>();
    values.add(literal());
    while (peek().isSymbol(",")) {
      next++;
      values.add(literal());
    }
    if (!peek().isSymbol(")")) {
      throw expected("',' or ')'");
    }
    next++;
    return values;
  }

  private Column column() {
    List<String> names = new ArrayList<>();
    names.add(name());
    while (peek().isSymbol(".")) {
      next++;
      names.add(name());
    }
    return new Column(names);
  }

  private String name() {
    if (!startsColumn()) {
      throw expected("a column name");
    }
    Token token = tokens.get(next++);
    if (token.kind() == Kind.QUOTED_NAME && token.text().isEmpty()) {
      throw error("Empty quoted name at position " + (token.position() + 1), text);
    }
    return token.text();
  }

  private boolean startsColumn() {
    Token token = peek();
    return token.kind() == Kind.QUOTED_NAME
        || (token.kind() == Kind.WORD && !PredicateText.RESERVED.contains(token.text().toUpperCase(Locale.ROOT)));
  }

  private boolean startsLiteral() {
    Token token = peek();
    switch (token.kind()) {
      case STRING:
      case NUMBER:
      case HEX:
        return true;
      case SYMBOL:
        return token.isSymbol("-") && peek(1).kind() == Kind.NUMBER;
      case WORD:
        return token.isKeyword("TRUE") || token.isKeyword("FALSE") || token.isKeyword("NULL")
            || (TypedLiterals.isPrefix(token.text()) && peek(1).kind() == Kind.STRING);
      default:
        return false;
    }
  }

  private Literal literal() {
    if (!startsLiteral()) {
      throw expected("a literal");
    }
    Token token = tokens.get(next++);
    switch (token.kind()) {
      case STRING:
        return Literal.ofString(token.text());
      case NUMBER:
        return TypedLiterals.number(token, "", text);
      case HEX:
        return TypedLiterals.hex(token, text);
      case SYMBOL: // a minus sign, then a number
        return TypedLiterals.number(tokens.get(next++), "-", text);
      default:
        if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
          return Literal.ofBoolean(token.isKeyword("TRUE"));
        }
        if (token.isKeyword("NULL")) {
          return Literal.of(null);
        }
        return TypedLiterals.typed(token, tokens.get(next++), text);
    }
  }

  /** The comparison operator at the cursor, consumed; null when there is none. */
  private Operator operator() {
    Token token = peek();
    Operator operator = token.kind() == Kind.SYMBOL ? OPERATORS.get(token.text()) : null;
    if (operator != null) {
      next++;
    }
    return operator;
  }

  private boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    if (!peek().isSymbol(symbol)) {
      throw expected("'" + symbol + "'");
    }
    next++;
  }

  private Token peek() {
    return peek(0);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(next + ahead, tokens.size() - 1));
  }

  private IllegalArgumentException expected(String what) {
    Token token = peek();
    return error("Expected " + what + " at position " + (token.position() + 1) + " (found " + token.describe() + ")", text);
  }

  /** {@code problem}, then the whole text, so that the position can be found in it. */
  static IllegalArgumentException error(String problem, String text) {
    return new IllegalArgumentException(problem + " in: " + text);
  }
}
