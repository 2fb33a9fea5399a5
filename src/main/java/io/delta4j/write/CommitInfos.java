package io.delta4j.write;

import io.delta4j.Delta4jVersion;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.util.Json;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds the {@code commitInfo} action of a commit (PROTOCOL.md, "Commit Provenance Information"),
 * with the fields and key order Delta's Spark writer uses, so that tools reading history (Spark's
 * {@code DESCRIBE HISTORY}, delta-rs) see familiar entries. The in-commit timestamp, when the table
 * has them, comes first, as "In-Commit Timestamps" requires of the commit's first action.
 */
final class CommitInfos {
  static final String ENGINE_INFO = "delta4j/" + Delta4jVersion.get();

  private CommitInfos() {}

  /**
   * @param operationParameters values as Delta writes them: JSON text inside a string where Delta
   *     does so (e.g. {@code partitionBy} is {@code "[\"date\"]"})
   */
  static CommitInfo build(long timestamp, OptionalLong inCommitTimestamp, String operation,
      Map<String, String> operationParameters, long readVersion, boolean isBlindAppend,
      Map<String, String> operationMetrics, Optional<String> userMetadata, String txnId) {
    String json = Json.toJson(gen -> {
      gen.writeStartObject();
      if (inCommitTimestamp.isPresent()) {
        gen.writeNumberField("inCommitTimestamp", inCommitTimestamp.getAsLong());
      }
      gen.writeNumberField("timestamp", timestamp);
      gen.writeStringField("operation", operation);
      writeMap(gen, "operationParameters", operationParameters);
      if (readVersion >= 0) {
        gen.writeNumberField("readVersion", readVersion);
      }
      gen.writeStringField("isolationLevel", "Serializable");
      gen.writeBooleanField("isBlindAppend", isBlindAppend);
      writeMap(gen, "operationMetrics", operationMetrics);
      if (userMetadata.isPresent()) {
        gen.writeStringField("userMetadata", userMetadata.get());
      }
      gen.writeStringField("engineInfo", ENGINE_INFO);
      gen.writeStringField("txnId", txnId);
      gen.writeEndObject();
    });
    return new CommitInfo(OptionalLong.of(timestamp), inCommitTimestamp, Optional.of(operation),
        operationParameters, readVersion >= 0 ? OptionalLong.of(readVersion) : OptionalLong.empty(),
        Optional.of("Serializable"), Optional.of(isBlindAppend), operationMetrics, Optional.of(ENGINE_INFO),
        Optional.of(txnId), userMetadata, json);
  }

  /**
   * A JSON array of strings as text, the form Delta gives list-valued operation parameters
   * ({@code partitionBy}, {@code predicate}).
   */
  static String jsonArray(java.util.List<String> values) {
    return Json.toJson(gen -> {
      gen.writeStartArray();
      for (String v : values) {
        gen.writeString(v);
      }
      gen.writeEndArray();
    });
  }

  private static void writeMap(com.fasterxml.jackson.core.JsonGenerator gen, String name, Map<String, String> map)
      throws java.io.IOException {
    gen.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (e.getValue() == null) {
        gen.writeNullField(e.getKey());
      } else {
        gen.writeStringField(e.getKey(), e.getValue());
      }
    }
    gen.writeEndObject();
  }
}
