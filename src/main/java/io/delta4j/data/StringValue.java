package io.delta4j.data;

import java.util.Optional;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.Type;

/**
 * A string field. Dictionary-encoded values (partition keys, DV storage types, repeated partition
 * values) are decoded once per dictionary entry, which saves the UTF-8 decoding and lets all rows
 * share one {@code String} instance.
 */
class StringValue extends ScalarConverter {
  private String value;
  private Dictionary dictionary;
  private String[] decoded;

  @Override
  boolean accepts(Type type) {
    return SchemaChecks.isString(type);
  }

  @Override
  String expected() {
    return "a string";
  }

  @Override
  public void reset() {
    value = null;
  }

  /** The value, or null when absent. */
  String get() {
    return value;
  }

  Optional<String> optional() {
    return Optional.ofNullable(value);
  }

  /** Receives each value read; list elements override it to collect them. */
  void set(String s) {
    value = s;
  }

  @Override
  public final void addBinary(Binary binary) {
    set(binary.toStringUsingUTF8());
  }

  @Override
  public final boolean hasDictionarySupport() {
    return true;
  }

  @Override
  public final void setDictionary(Dictionary dictionary) {
    this.dictionary = dictionary;
    this.decoded = new String[dictionary.getMaxId() + 1];
  }

  @Override
  public final void addValueFromDictionary(int id) {
    String s = decoded[id];
    if (s == null) {
      s = dictionary.decodeToBinary(id).toStringUsingUTF8();
      decoded[id] = s;
    }
    set(s);
  }
}
