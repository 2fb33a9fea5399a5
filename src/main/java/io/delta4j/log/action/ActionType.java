package io.delta4j.log.action;

import java.util.EnumSet;
import java.util.Set;

/** The action kinds of PROTOCOL.md, with the key each one has in the log. */
public enum ActionType {
  PROTOCOL("protocol"),
  METADATA("metaData"),
  ADD("add"),
  REMOVE("remove"),
  CDC("cdc"),
  TXN("txn"),
  COMMIT_INFO("commitInfo"),
  DOMAIN_METADATA("domainMetadata"),
  CHECKPOINT_METADATA("checkpointMetadata"),
  SIDECAR("sidecar");

  private final String key;

  ActionType(String key) {
    this.key = key;
  }

  /** The JSON key (and checkpoint column) of this action. */
  public String key() {
    return key;
  }

  /** The action type for a log key, or null for a key the protocol does not define (skipped). */
  public static ActionType fromKey(String key) {
    for (ActionType t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    return null;
  }

  /** Every type. */
  public static Set<ActionType> all() {
    return EnumSet.allOf(ActionType.class);
  }
}
