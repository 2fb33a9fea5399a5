package io.delta4j.cli;

import io.delta4j.Delta4jVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code delta4j}: the command-line tool. It uses only delta4j's public API, so everything it
 * does a program can do too. Errors exit with code 1 and one line on stderr naming the table and
 * the problem; {@code --debug} adds the stack trace.
 */
@Command(
    name = "delta4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Inspect and write Delta Lake tables.",
    subcommands = {InfoCommand.class, FilesCommand.class, SchemaCommand.class, HistoryCommand.class,
        CatCommand.class, CountCommand.class, CreateCommand.class, AppendCommand.class, OverwriteCommand.class,
        DeleteCommand.class, CheckpointCommand.class, VacuumCommand.class})
public final class Main {
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Main() {}

  public static void main(String[] args) {
    // Libraries below (Hadoop, Parquet) log at INFO; a command-line user wants only problems.
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    System.exit(run(args));
  }

  /** Runs the tool on the process's standard streams and returns its exit code. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the tool with the given output streams (for embedding and tests). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"delta4j " + Delta4jVersion.get()};
    }
  }
}
