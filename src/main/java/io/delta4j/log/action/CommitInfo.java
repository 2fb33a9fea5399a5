package io.delta4j.log.action;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code commitInfo} action (PROTOCOL.md, "Commit Provenance Information"). Its content is
 * free-form: the common fields are parsed, and {@code json} keeps the whole object as written.
 * Values of {@code operationParameters} and {@code operationMetrics} that are not JSON strings
 * are kept as their JSON text.
 */
public record CommitInfo(
    OptionalLong timestamp,
    OptionalLong inCommitTimestamp,
    Optional<String> operation,
    Map<String, String> operationParameters,
    OptionalLong readVersion,
    Optional<String> isolationLevel,
    Optional<Boolean> isBlindAppend,
    Map<String, String> operationMetrics,
    Optional<String> engineInfo,
    Optional<String> txnId,
    Optional<String> userMetadata,
    String json)
    implements Action {

  public CommitInfo {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(inCommitTimestamp, "inCommitTimestamp");
    Objects.requireNonNull(operation, "operation");
    operationParameters = Maps.copyOf(operationParameters);
    Objects.requireNonNull(readVersion, "readVersion");
    Objects.requireNonNull(isolationLevel, "isolationLevel");
    Objects.requireNonNull(isBlindAppend, "isBlindAppend");
    operationMetrics = Maps.copyOf(operationMetrics);
    Objects.requireNonNull(engineInfo, "engineInfo");
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(userMetadata, "userMetadata");
    Objects.requireNonNull(json, "json");
  }

  @Override
  public ActionType type() {
    return ActionType.COMMIT_INFO;
  }
}
