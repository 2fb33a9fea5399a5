package io.delta4j.write;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import java.util.List;
import java.util.Map;

/**
 * Everything a transaction commits except its {@code commitInfo}, which is built at each attempt
 * (its timestamps change), and what the conflict check needs to know about it.
 *
 * @param operation Delta's operation name ({@code WRITE}, {@code DELETE}, {@code CREATE TABLE})
 * @param operationParameters as {@code commitInfo.operationParameters}
 * @param operationMetrics as {@code commitInfo.operationMetrics}
 * @param actions the commit's actions in the order written: protocol, metadata, txn, removes, adds, cdc
 * @param blindAppend whether it only adds files without reading the table
 * @param scope what it read
 */
record PendingCommit(
    String operation,
    Map<String, String> operationParameters,
    Map<String, String> operationMetrics,
    List<Action> actions,
    boolean blindAppend,
    ReadScope scope) {

  PendingCommit {
    operationParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operationParameters));
    operationMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operationMetrics));
    actions = List.copyOf(actions);
  }

  /** Whether it changes the protocol or the metadata (a create does). */
  boolean changesTable() {
    return actions.stream().anyMatch(a -> a instanceof Protocol || a instanceof Metadata);
  }
}
