package io.delta4j.cli;

import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delete}: deletes the rows matching {@code --where}, in one commit. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the rows of a table matching --where.")
final class DeleteCommand extends TableCommand {
  @Option(names = "--where", required = true, paramLabel = "EXPR",
      description = "The rows to delete, e.g. \"date < DATE '2024-01-01'\".")
  String where;

  @Override
  public Integer call() {
    Predicate condition = Predicates.parse(where); // a typo fails before the table is opened
    try (DeltaTable t = openTable()) {
      CommitResult r = t.newTransaction().delete(condition).commit();
      out().println(CommitSummary.delete(r));
      out().flush();
    }
    return 0;
  }
}
