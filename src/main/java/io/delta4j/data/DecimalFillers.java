package io.delta4j.data;

import io.delta4j.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Decimal leaves not covered by {@link NumberFillers.Longs} (which reads INT32 and INT64 decimals
 * into decimals of precision up to 18). Parquet stores a decimal as its unscaled value with the
 * file's scale; when the table's scale is larger (a widened type), the value is rescaled exactly.
 */
final class DecimalFillers {
  private DecimalFillers() {}

  /** 10 to the power {@code n}, for n from 0 to 18. */
  static long powerOfTen(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  /**
   * From FIXED_LEN_BYTE_ARRAY or BINARY (big-endian two's complement unscaled values), into a
   * decimal of any precision. Dictionary-encoded columns (Spark's v2 writer dictionary-encodes
   * fixed-length decimals) are decoded once per dictionary entry.
   */
  static final class FromBytes extends PrimitiveConverter implements VectorFiller {
    private final DecimalType type;
    private final int fileScale;
    private final boolean asLong;
    private final long multiplier;
    private LongVector longs;
    private ObjectVector objects;
    private long[] longDictionary;
    private BigDecimal[] bigDictionary;

    FromBytes(DecimalType type, int fileScale) {
      this.type = type;
      this.fileScale = fileScale;
      this.asLong = type.precision() <= LongVector.MAX_LONG_DECIMAL_PRECISION;
      this.multiplier = asLong ? powerOfTen(type.scale() - fileScale) : 1;
    }

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      if (asLong) {
        return longs = new LongVector(type, capacity);
      }
      return objects = new ObjectVector(type, capacity);
    }

    @Override
    public void addBinary(Binary value) {
      if (asLong) {
        longs.append(unscaledLong(value) * multiplier);
      } else {
        objects.append(big(value));
      }
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
      int n = dictionary.getMaxId() + 1;
      if (asLong) {
        longDictionary = new long[n];
        for (int id = 0; id < n; id++) {
          longDictionary[id] = unscaledLong(dictionary.decodeToBinary(id)) * multiplier;
        }
      } else {
        bigDictionary = new BigDecimal[n];
        for (int id = 0; id < n; id++) {
          bigDictionary[id] = big(dictionary.decodeToBinary(id));
        }
      }
    }

    @Override
    public void addValueFromDictionary(int id) {
      if (asLong) {
        longs.append(longDictionary[id]);
      } else {
        objects.append(bigDictionary[id]);
      }
    }

    private BigDecimal big(Binary value) {
      return new BigDecimal(new BigInteger(value.getBytes()), fileScale).setScale(type.scale(), RoundingMode.UNNECESSARY);
    }

    /**
     * The unscaled value when it fits a long, which it does for every precision up to 18 (a
     * writer may still use more bytes than needed, so longer arrays are accepted).
     */
    private static long unscaledLong(Binary value) {
      ByteBuffer bytes = value.toByteBuffer();
      int from = bytes.position();
      int n = bytes.remaining();
      if (n > 8) {
        return new BigInteger(value.getBytes()).longValueExact();
      }
      if (n == 0) {
        throw DataFileException.malformed("a decimal value has no bytes");
      }
      long v = bytes.get(from); // sign-extends the first byte
      for (int i = 1; i < n; i++) {
        v = (v << 8) | (bytes.get(from + i) & 0xFF);
      }
      return v;
    }
  }

  /**
   * From INT32 or INT64 into a decimal of precision above 18: a decimal written narrower and
   * widened, or an integer column widened to decimal ({@code fileScale} 0).
   */
  static final class BigFromLong extends PrimitiveConverter implements VectorFiller {
    private final DecimalType type;
    private final int fileScale;
    private ObjectVector vector;

    BigFromLong(DecimalType type, int fileScale) {
      this.type = type;
      this.fileScale = fileScale;
    }

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new ObjectVector(type, capacity);
    }

    @Override
    public void addInt(int value) {
      addLong(value);
    }

    @Override
    public void addLong(long value) {
      vector.append(BigDecimal.valueOf(value, fileScale).setScale(type.scale(), RoundingMode.UNNECESSARY));
    }
  }
}
