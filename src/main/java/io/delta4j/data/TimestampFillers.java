package io.delta4j.data;

import io.delta4j.types.PrimitiveType;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Timestamp leaves that need more than {@link NumberFillers.Longs}' multiplication: Spark's legacy
 * INT96 and INT64 nanoseconds, both turned into the protocol's microseconds.
 */
final class TimestampFillers {
  private TimestampFillers() {}

  /**
   * INT96 (Julian day and nanoseconds, UTC), for {@code timestamp} and {@code timestamp_ntz}.
   * Spark dictionary-encodes these when values repeat; each entry is then decoded once.
   */
  static final class Int96 extends PrimitiveConverter implements VectorFiller {
    private final PrimitiveType type;
    private LongVector vector;
    private long[] dictionary;

    Int96(PrimitiveType type) {
      this.type = type;
    }

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new LongVector(type, capacity);
    }

    @Override
    public void addBinary(Binary value) {
      vector.append(Micros.fromInt96(value));
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
      this.dictionary = new long[dictionary.getMaxId() + 1];
      for (int id = 0; id < this.dictionary.length; id++) {
        this.dictionary[id] = Micros.fromInt96(dictionary.decodeToBinary(id));
      }
    }

    @Override
    public void addValueFromDictionary(int id) {
      vector.append(dictionary[id]);
    }
  }

  /** INT64 TIMESTAMP(NANOS): rounded down to microseconds, which is all a Delta timestamp holds. */
  static final class Nanos extends PrimitiveConverter implements VectorFiller {
    private final PrimitiveType type;
    private LongVector vector;

    Nanos(PrimitiveType type) {
      this.type = type;
    }

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new LongVector(type, capacity);
    }

    @Override
    public void addLong(long value) {
      vector.append(Math.floorDiv(value, 1000L));
    }
  }
}
