package io.delta4j.cli;

import io.delta4j.DeltaException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into exit code 1 and one line on stderr. delta4j's messages already
 * start with the table; other failures are prefixed with it here, unless they name it first. {@code --debug} prints the
 * stack trace as well.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int FAILURE = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    Object command = cmd.getCommand();
    boolean debug = command instanceof TableCommand t && t.debug;
    String message;
    if (e instanceof DeltaException) {
      message = e.getMessage();
    } else {
      String table = command instanceof TableCommand t ? t.table : "delta4j";
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      message = namesTable(detail, table) ? detail : table + ": " + detail;
    }
    cmd.getErr().println(message.replace('\n', ' '));
    if (debug) {
      e.printStackTrace(cmd.getErr());
    }
    cmd.getErr().flush();
    return FAILURE;
  }

  /** Whether a message starts with the table, as some do (bad storage options name the table's root URI). */
  private static boolean namesTable(String message, String table) {
    return message.startsWith(table + ": ") || message.startsWith(table + "/: ");
  }
}
