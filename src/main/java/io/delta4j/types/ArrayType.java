package io.delta4j.types;

import java.util.Objects;

/**
 * A variable-length list (PROTOCOL.md, "Array Type").
 *
 * @param elementType the type of the elements
 * @param containsNull whether an element may be null
 */
public record ArrayType(DataType elementType, boolean containsNull) implements DataType {
  public ArrayType {
    Objects.requireNonNull(elementType, "elementType");
  }

  @Override
  public String simpleString() {
    return "array<" + elementType.simpleString() + ">";
  }
}
