package io.delta4j.log;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.CommitInfo;
import java.util.List;
import java.util.Optional;

/**
 * The actions of one commit file, as replay needs them.
 *
 * @param file the commit file
 * @param actions its actions, in file order
 */
public record ParsedCommit(LogFile file, List<Action> actions) {
  public ParsedCommit {
    actions = List.copyOf(actions);
  }

  public long version() {
    return file.version();
  }

  public Optional<CommitInfo> commitInfo() {
    for (Action a : actions) {
      if (a instanceof CommitInfo ci) {
        return Optional.of(ci);
      }
    }
    return Optional.empty();
  }
}
