package io.delta4j.types;

/**
 * A Delta column type (PROTOCOL.md, "Schema Serialization Format"). Sealed so that a
 * {@code switch} over the five kinds is exhaustive: a reader that handles every case handles every
 * schema delta4j can parse. Implementations are immutable values with structural equality.
 */
public sealed interface DataType permits PrimitiveType, DecimalType, ArrayType, MapType, StructType {

  /**
   * A one-line, Spark-like rendering for messages and tools, e.g. {@code
   * struct<id:long,tags:array<string>>} or {@code map<string,int>}. Not the schema JSON: use
   * {@link SchemaJson#toJson(DataType)} for that.
   */
  String simpleString();
}
