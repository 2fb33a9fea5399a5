package io.delta4j.expr;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A typed constant in a predicate. The value has the Java class that {@link io.delta4j.Row} uses
 * for the type (long {@link Long}, date {@link LocalDate}, timestamp {@link Instant}, ...), so a
 * literal compares with row values directly; null is SQL NULL, whatever the type. When a predicate
 * is bound, the literal is coerced to the column's type (see {@link Predicate#bind}).
 *
 * @param value the value, or null for NULL
 * @param type its Delta type; {@link PrimitiveType#VOID} for an untyped NULL
 */
public record Literal(Object value, DataType type) {
  public Literal {
    Objects.requireNonNull(type, "type");
    if (value instanceof byte[] bytes) {
      value = bytes.clone();
    }
    if (value != null && !Literals.javaClassOf(type).isInstance(value)) {
      throw new IllegalArgumentException(
          "A literal of type " + type.simpleString() + " must hold a " + Literals.javaClassOf(type).getSimpleName()
              + ", not " + value.getClass().getName() + ".");
    }
  }

  /**
   * The literal for a Java value, typed by its class: {@link Long} long, {@link Integer} integer,
   * {@link Short} short, {@link Byte} byte, {@link Double} double, {@link Float} float, {@link
   * BigDecimal} decimal (its own precision and scale), {@link String} string, {@link Boolean}
   * boolean, {@code byte[]} binary, {@link LocalDate} date, {@link Instant} timestamp, {@link
   * LocalDateTime} timestamp_ntz; null is an untyped NULL; a {@link Literal} is returned as is.
   *
   * @throws IllegalArgumentException for any other class
   */
  public static Literal of(Object value) {
    if (value instanceof Literal literal) {
      return literal;
    }
    return new Literal(value, Literals.typeOf(value));
  }

  public static Literal ofLong(long value) {
    return new Literal(value, PrimitiveType.LONG);
  }

  public static Literal ofInt(int value) {
    return new Literal(value, PrimitiveType.INTEGER);
  }

  public static Literal ofShort(short value) {
    return new Literal(value, PrimitiveType.SHORT);
  }

  public static Literal ofByte(byte value) {
    return new Literal(value, PrimitiveType.BYTE);
  }

  public static Literal ofDouble(double value) {
    return new Literal(value, PrimitiveType.DOUBLE);
  }

  public static Literal ofFloat(float value) {
    return new Literal(value, PrimitiveType.FLOAT);
  }

  public static Literal ofBoolean(boolean value) {
    return new Literal(value, PrimitiveType.BOOLEAN);
  }

  public static Literal ofString(String value) {
    return new Literal(Objects.requireNonNull(value, "value"), PrimitiveType.STRING);
  }

  public static Literal ofBinary(byte[] value) {
    return new Literal(Objects.requireNonNull(value, "value"), PrimitiveType.BINARY);
  }

  public static Literal ofDate(LocalDate value) {
    return new Literal(Objects.requireNonNull(value, "value"), PrimitiveType.DATE);
  }

  public static Literal ofTimestamp(Instant value) {
    return new Literal(Objects.requireNonNull(value, "value"), PrimitiveType.TIMESTAMP);
  }

  public static Literal ofTimestampNtz(LocalDateTime value) {
    return new Literal(Objects.requireNonNull(value, "value"), PrimitiveType.TIMESTAMP_NTZ);
  }

  /** A decimal typed by the value's own precision and scale, e.g. {@code 12.50} is decimal(4,2). */
  public static Literal ofDecimal(BigDecimal value) {
    return new Literal(Objects.requireNonNull(value, "value"), Literals.decimalTypeOf(value));
  }

  /** NULL of {@code type}. */
  public static Literal ofNull(DataType type) {
    return new Literal(null, type);
  }

  public boolean isNull() {
    return value == null;
  }

  /** The value; a copy for binary, so that a literal stays immutable. */
  @Override
  public Object value() {
    return value instanceof byte[] bytes ? bytes.clone() : value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Literal other
        && type.equals(other.type)
        && (value instanceof byte[] bytes
            ? other.value instanceof byte[] otherBytes && Arrays.equals(bytes, otherBytes)
            : Objects.equals(value, other.value));
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + (value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(value));
  }

  /** SQL-like text that {@link Predicates#parse} reads back, e.g. {@code 'it''s'}, {@code DATE '2024-05-01'}. */
  @Override
  public String toString() {
    return PredicateText.literal(this);
  }

  /** The value without a copy, for evaluation. */
  Object rawValue() {
    return value;
  }
}
