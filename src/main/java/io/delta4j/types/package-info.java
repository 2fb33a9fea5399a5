/**
 * Public: the table schema model (PROTOCOL.md, "Schema Serialization Format"). {@link
 * io.delta4j.types.DataType} is sealed over primitive, decimal, array, map and struct types;
 * {@link io.delta4j.types.SchemaJson} reads and writes the {@code schemaString} of a
 * {@code metaData} action; {@link io.delta4j.types.PartitionValues} converts the strings of
 * {@code partitionValues} to and from Java values.
 */
package io.delta4j.types;
