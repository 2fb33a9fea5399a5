package io.delta4j.cli;

import io.delta4j.types.DataType;
import java.util.List;

/** The messages about {@code --from} inputs: which column or record, what was expected, what was found. */
final class InputErrors {
  private static final int SHOWN = 40;

  private InputErrors() {}

  /** {@code column "price": expected a number, got "abc"}; {@code shown} is the value as the input has it. */
  static RowInputException expected(String column, String what, String shown) {
    return new RowInputException("column \"" + column + "\": expected " + what + ", got " + shorten(shown));
  }

  /** A value of the right kind that the column cannot hold, e.g. out of range or too precise. */
  static RowInputException doesNotFit(String column, DataType type, String shown, String why) {
    return new RowInputException("column \"" + column + "\" is " + type.simpleString() + ": " + shorten(shown) + " " + why);
  }

  static RowInputException unknownColumn(String column, List<String> columns) {
    return new RowInputException("unknown column \"" + column + "\"; the columns are " + columns);
  }

  static RowInputException notWritable(String column, DataType type) {
    return new RowInputException("column \"" + column + "\" is " + type.simpleString()
        + ", which the command line cannot write; write it with the Java API");
  }

  /** A JSON string or CSV field as it appears in messages: quoted. */
  static String quote(String text) {
    return "\"" + text + "\"";
  }

  private static String shorten(String shown) {
    return shown.length() > SHOWN ? shown.substring(0, SHOWN - 3) + "..." : shown;
  }
}
