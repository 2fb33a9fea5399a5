package io.delta4j.expr;

import io.delta4j.types.DataType;
import java.util.List;

/** Builds the messages of the errors users make with predicates, so that they read alike. */
final class ExprErrors {
  private ExprErrors() {}

  static IllegalArgumentException unknownColumn(Column column, List<String> available) {
    return new IllegalArgumentException(
        "Column \"" + column + "\" does not exist; the table has " + available + ".");
  }

  static IllegalArgumentException unknownNestedField(Column column, String parent, List<String> available) {
    return new IllegalArgumentException(
        "Column \"" + column + "\" does not exist; \"" + parent + "\" has " + available + ".");
  }

  static IllegalArgumentException notAStruct(Column column, String parent, DataType parentType) {
    return new IllegalArgumentException(
        "Column \"" + column + "\" does not exist; \"" + parent + "\" is a " + parentType.simpleString()
            + ", not a struct.");
  }

  static IllegalArgumentException notComparable(BoundColumn column) {
    return new IllegalArgumentException(
        "Cannot compare column \"" + column.name() + "\" of type " + column.type().simpleString()
            + " with a value: only IS NULL and IS NOT NULL apply to struct, array, map and variant columns.");
  }

  static IllegalArgumentException cannotCoerce(BoundColumn column, Literal literal, String expected) {
    return new IllegalArgumentException(
        "Cannot compare column \"" + column.name() + "\" of type " + column.type().simpleString() + " with "
            + literal + " (" + literal.type().simpleString() + "): expected " + expected + ".");
  }
}
