package io.delta4j.types;

import java.util.Objects;

/**
 * A key-value map (PROTOCOL.md, "Map Type"). Keys are never null, so only values carry a
 * nullability flag.
 *
 * @param keyType the type of the keys
 * @param valueType the type of the values
 * @param valueContainsNull whether a value may be null
 */
public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull) implements DataType {
  public MapType {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
  }

  @Override
  public String simpleString() {
    return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
  }
}
