package io.delta4j.data;

import io.delta4j.types.PrimitiveType;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;

/** Leaves whose values arrive as Parquet byte arrays: {@code string} and {@code binary}. */
final class TextFillers {
  private TextFillers() {}

  /**
   * {@code string} from BINARY. A dictionary-encoded column (the usual case for low-cardinality
   * strings) is decoded once per dictionary entry, and its rows share the {@code String}s.
   */
  static final class Strings extends PrimitiveConverter implements VectorFiller {
    private ObjectVector vector;
    private Dictionary dictionary;
    private String[] decoded;

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new ObjectVector(PrimitiveType.STRING, capacity);
    }

    @Override
    public void addBinary(Binary value) {
      vector.append(value.toStringUsingUTF8());
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
      this.dictionary = dictionary;
      this.decoded = new String[dictionary.getMaxId() + 1];
    }

    @Override
    public void addValueFromDictionary(int id) {
      String s = decoded[id];
      if (s == null) {
        s = dictionary.decodeToBinary(id).toStringUsingUTF8();
        decoded[id] = s;
      }
      vector.append(s);
    }
  }

  /** {@code binary} from BINARY or FIXED_LEN_BYTE_ARRAY; each value is copied out of the page. */
  static final class Bytes extends PrimitiveConverter implements VectorFiller {
    private ObjectVector vector;

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new ObjectVector(PrimitiveType.BINARY, capacity);
    }

    @Override
    public void addBinary(Binary value) {
      vector.append(value.getBytes());
    }
  }
}
