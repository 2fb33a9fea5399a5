package io.delta4j;

/**
 * A new table's definition (schema, partition columns, table properties) is not one the Delta
 * protocol allows, or asks for something delta4j cannot create: an unknown table feature, a
 * property value that does not parse, a partition column that does not exist. Nothing was written.
 */
public final class InvalidTableDefinitionException extends DeltaException {
  public InvalidTableDefinitionException(String table, String message) {
    super(table, message);
  }
}
