package io.delta4j.cli;

/**
 * A record of a {@code --from} input cannot be read or does not fit the table: the message names
 * the input and the line, e.g. {@code rows.jsonl line 17: column "price": expected a number, got
 * "abc"}. {@link ErrorHandler} prints it after the table, on one line, with exit code 1.
 */
final class RowInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code detail} about a value or record, not yet placed in an input (see {@link #at}). */
  RowInputException(String detail) {
    super(detail);
  }

  RowInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** This problem, placed at {@code line} of {@code input}. */
  RowInputException at(String input, long line) {
    return new RowInputException(input + " line " + line + ": " + getMessage(), this);
  }
}
