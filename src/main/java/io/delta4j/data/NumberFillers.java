package io.delta4j.data;

import io.delta4j.types.DataType;
import io.delta4j.types.PrimitiveType;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Leaves whose values arrive as Parquet numbers and are stored unboxed. Widening conversions
 * (PROTOCOL.md, "Type Widening") happen here, value by value, as the file's narrower type is
 * delivered: a multiplication for longs, timestamps and decimals, a cast for doubles.
 */
final class NumberFillers {
  private NumberFillers() {}

  /** {@code boolean} from BOOLEAN. */
  static final class Booleans extends PrimitiveConverter implements VectorFiller {
    private BooleanVector vector;

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new BooleanVector(capacity);
    }

    @Override
    public void addBoolean(boolean value) {
      vector.append(value);
    }
  }

  /** {@code byte}, {@code short}, {@code integer} and {@code date} from INT32, as stored. */
  static final class Ints extends PrimitiveConverter implements VectorFiller {
    private final PrimitiveType type;
    private IntVector vector;

    Ints(PrimitiveType type) {
      this.type = type;
    }

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new IntVector(type, capacity);
    }

    @Override
    public void addInt(int value) {
      vector.append(value);
    }
  }

  /**
   * 64-bit values from INT32 or INT64, times a constant: 1 for longs and microsecond timestamps,
   * 1000 for millisecond timestamps, a day's microseconds for dates widened to timestamp_ntz, a
   * power of ten for decimals whose scale was widened (or integers widened to decimal).
   */
  static final class Longs extends PrimitiveConverter implements VectorFiller {
    private final DataType type;
    private final long multiplier;
    private final boolean unsigned;
    private LongVector vector;

    /**
     * @param unsigned whether INT32 values are unsigned 32-bit integers (Parquet's UINT_32)
     */
    Longs(DataType type, long multiplier, boolean unsigned) {
      this.type = type;
      this.multiplier = multiplier;
      this.unsigned = unsigned;
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
    public void addInt(int value) {
      vector.append((unsigned ? Integer.toUnsignedLong(value) : value) * multiplier);
    }

    @Override
    public void addLong(long value) {
      vector.append(value * multiplier);
    }
  }

  /** {@code float} from FLOAT. */
  static final class Floats extends PrimitiveConverter implements VectorFiller {
    private FloatVector vector;

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new FloatVector(capacity);
    }

    @Override
    public void addFloat(float value) {
      vector.append(value);
    }
  }

  /** {@code double} from DOUBLE, or widened from FLOAT or INT32. */
  static final class Doubles extends PrimitiveConverter implements VectorFiller {
    private DoubleVector vector;

    @Override
    public Converter converter() {
      return this;
    }

    @Override
    public ColumnVector newVector(int capacity) {
      return vector = new DoubleVector(capacity);
    }

    @Override
    public void addDouble(double value) {
      vector.append(value);
    }

    @Override
    public void addFloat(float value) {
      vector.append(value);
    }

    @Override
    public void addInt(int value) {
      vector.append(value);
    }
  }
}
