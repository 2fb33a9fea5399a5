package io.delta4j.write;

import io.delta4j.log.action.Action;
import java.util.List;
import java.util.OptionalLong;

/**
 * The version and attempts of a commit.
 *
 * @param version the version it became
 * @param attempts how many versions were tried
 * @param inCommitTimestamp its in-commit timestamp, when it has one
 * @param actions the actions committed, {@code commitInfo} first
 */
public record CommitOutcome(long version, int attempts, OptionalLong inCommitTimestamp, List<Action> actions) {
  public CommitOutcome {
    actions = List.copyOf(actions);
  }
}
