package io.delta4j.log.action;

import java.util.Objects;
import java.util.OptionalLong;

/** The {@code txn} action (PROTOCOL.md, "Transaction Identifiers"): an application's progress. */
public record SetTransaction(String appId, long version, OptionalLong lastUpdated) implements Action {
  public SetTransaction {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
  }

  @Override
  public ActionType type() {
    return ActionType.TXN;
  }
}
