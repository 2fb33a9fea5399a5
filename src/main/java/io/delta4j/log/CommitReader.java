package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.DeltaException;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads and parses commit files. Many small files dominate the cost of opening a table without a
 * recent checkpoint, so they are fetched and parsed concurrently; results keep version order.
 * Public for the change data feed reader, which reads whole commits.
 */
public final class CommitReader {
  private final String table;
  private final StorageBackend storage;

  public CommitReader(String table, StorageBackend storage) {
    this.table = table;
    this.storage = storage;
  }

  /** Parses one commit, keeping the actions of the wanted types. */
  ParsedCommit read(LogFile commit, Set<ActionType> wanted) {
    byte[] content;
    try {
      content = storage.readAllBytes(commit.location());
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "read", commit.location(), e);
    }
    List<Action> actions = new ArrayList<>();
    ActionParser.parse(content, table, commit.displayName(), wanted, actions::add);
    return new ParsedCommit(commit, actions);
  }

  /** Parses many commits concurrently; the result has the order of {@code commits}. */
  public List<ParsedCommit> readAll(List<LogFile> commits, Set<ActionType> wanted) {
    if (commits.size() <= 1) {
      List<ParsedCommit> out = new ArrayList<>(commits.size());
      for (LogFile c : commits) {
        out.add(read(c, wanted));
      }
      return out;
    }
    List<CompletableFuture<ParsedCommit>> futures = new ArrayList<>(commits.size());
    for (LogFile c : commits) {
      futures.add(CompletableFuture.supplyAsync(() -> read(c, wanted), IoExecutor.get()));
    }
    List<ParsedCommit> out = new ArrayList<>(commits.size());
    for (CompletableFuture<ParsedCommit> f : futures) {
      try {
        out.add(f.join());
      } catch (CompletionException e) {
        futures.forEach(other -> other.cancel(false));
        throw unwrap(e);
      }
    }
    return out;
  }

  private static RuntimeException unwrap(CompletionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof DeltaException de) {
      return de;
    }
    if (cause instanceof UncheckedIOException || cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    return e;
  }
}
