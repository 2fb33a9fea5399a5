package io.delta4j.cli;

import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.Transaction;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code append}: adds the rows of {@code --from} in one commit. With {@code --app-id} and
 * {@code --app-version} the write is idempotent: if the table already records that version (or a
 * later one) for the application, nothing is written, and the line says {@code skipped}.
 */
@Command(name = "append", mixinStandardHelpOptions = true,
    description = "Append the rows of a JSON lines or CSV file to a table, in one commit.")
final class AppendCommand extends RowsCommand {
  @ArgGroup(exclusive = false)
  AppVersion app;

  /** Both or neither. */
  static final class AppVersion {
    @Option(names = "--app-id", required = true, paramLabel = "ID",
        description = "The writing application, for idempotent writes (with --app-version).")
    String id;

    @Option(names = "--app-version", required = true, paramLabel = "N",
        description = "This write's number for --app-id; a number the table already has (or a lower one) skips the write.")
    long version;
  }

  @Override
  public Integer call() throws IOException {
    try (DeltaTable t = openTable()) {
      Transaction tx = t.newTransaction();
      if (app != null) {
        tx.withAppVersion(app.id, app.version);
      }
      writeRows("append", tx, tx::append);
      CommitResult r = tx.commit();
      out().println(r.committed() ? CommitSummary.append(r)
          : CommitSummary.skipped("append", app.id, tx.readSnapshot().appTransactionVersion(app.id).getAsLong(), r));
      out().flush();
    }
    return 0;
  }
}
