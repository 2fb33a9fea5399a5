package io.delta4j.cli;

import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.Transaction;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code overwrite}: replaces all the rows, or with {@code --where} those matching it (every new
 * row must match it too), by the rows of {@code --from}, in one commit.
 */
@Command(name = "overwrite", mixinStandardHelpOptions = true,
    description = "Replace the rows of a table (or those matching --where) with the rows of a file, in one commit.")
final class OverwriteCommand extends RowsCommand {
  @Option(names = "--where", paramLabel = "EXPR",
      description = "Replace only the rows matching EXPR, e.g. \"date = DATE '2024-05-01'\"; the new rows must match it.")
  String where;

  @Override
  public Integer call() throws IOException {
    Predicate condition = where == null ? null : Predicates.parse(where); // a typo fails before anything is read
    try (DeltaTable t = openTable()) {
      Transaction tx = t.newTransaction();
      writeRows("overwrite", tx, rows -> {
        if (condition == null) {
          tx.overwrite(rows);
        } else {
          tx.overwrite(rows, condition);
        }
      });
      CommitResult r = tx.commit();
      out().println(CommitSummary.overwrite(r));
      out().flush();
    }
    return 0;
  }
}
