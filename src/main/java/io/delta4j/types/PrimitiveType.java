package io.delta4j.types;

import java.util.Optional;

/**
 * The types without parameters (PROTOCOL.md, "Primitive Types"), each with the name the schema JSON
 * uses for it. {@link #VOID} is Spark's {@code NullType}: the protocol has no feature for it, but
 * existing tables hold {@code void} columns, which read as all-null and are never stored in files.
 */
public enum PrimitiveType implements DataType {
  BOOLEAN("boolean"),
  BYTE("byte"),
  SHORT("short"),
  INTEGER("integer"),
  LONG("long"),
  FLOAT("float"),
  DOUBLE("double"),
  STRING("string"),
  BINARY("binary"),
  DATE("date"),
  /** Microseconds since the epoch, UTC-adjusted. */
  TIMESTAMP("timestamp"),
  /** Microseconds, no time zone; needs table feature {@code timestampNtz}. */
  TIMESTAMP_NTZ("timestamp_ntz"),
  /** Semi-structured values; needs table feature {@code variantType}. */
  VARIANT("variant"),
  /** Spark's {@code NullType}, written {@code "void"} since Spark 3.0 (older writers: "null"). */
  VOID("void");

  private final String typeName;

  PrimitiveType(String typeName) {
    this.typeName = typeName;
  }

  /** The name in the schema JSON, e.g. {@code "integer"}. */
  public String typeName() {
    return typeName;
  }

  /** The type the schema JSON names {@code typeName} (exact, lower case), if it is primitive. */
  public static Optional<PrimitiveType> fromTypeName(String typeName) {
    for (PrimitiveType type : values()) {
      if (type.typeName.equals(typeName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The JSON name, except {@code int} for {@link #INTEGER}, as Spark shows it; all are valid Spark DDL. */
  @Override
  public String simpleString() {
    return this == INTEGER ? "int" : typeName;
  }
}
