package io.delta4j.data;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Chooses the filler of a leaf column from the table's type and the file's Parquet type: the
 * encodings of PROTOCOL.md's "Delta Data Type to Parquet Type Mappings", the legacy ones Spark
 * still writes (INT96 timestamps, binary decimals), and the widenings of "Type Widening", where the
 * file holds a narrower type than the table now has. Anything else is an error naming both types,
 * never a guess: reading a value as the wrong type would return wrong data silently.
 */
final class LeafBinder {
  /** An INT32 without an integer annotation; Spark writes {@code integer} so (and may write byte and short so). */
  private static final int PLAIN = 0;
  /** An INT32 or INT64 with an annotation that is not an integer one (DATE, DECIMAL, TIME, ...). */
  private static final int NOT_AN_INTEGER = -1;

  private LeafBinder() {}

  static VectorFiller bind(DataType type, org.apache.parquet.schema.PrimitiveType file, String path) {
    PrimitiveTypeName physical = file.getPrimitiveTypeName();
    LogicalTypeAnnotation annotation = file.getLogicalTypeAnnotation();
    VectorFiller filler = type instanceof DecimalType decimal
        ? decimal(decimal, physical, annotation)
        : primitive((PrimitiveType) type, physical, annotation);
    if (filler == null) {
      throw DataFileException.typeMismatch(path, file, type);
    }
    return filler;
  }

  private static VectorFiller primitive(PrimitiveType type, PrimitiveTypeName physical, LogicalTypeAnnotation a) {
    int bits = physical == PrimitiveTypeName.INT32 ? int32Bits(a) : NOT_AN_INTEGER;
    return switch (type) {
      case BOOLEAN -> physical == PrimitiveTypeName.BOOLEAN ? new NumberFillers.Booleans() : null;
      case BYTE -> bits == PLAIN || bits == 8 ? new NumberFillers.Ints(type) : null;
      case SHORT -> bits == PLAIN || (bits > 0 && bits <= 16) ? new NumberFillers.Ints(type) : null;
      case INTEGER -> bits == PLAIN || (bits > 0 && bits <= 32) ? new NumberFillers.Ints(type) : null;
      case LONG -> longs(physical, a, bits);
      case FLOAT -> physical == PrimitiveTypeName.FLOAT ? new NumberFillers.Floats() : null;
      case DOUBLE -> physical == PrimitiveTypeName.DOUBLE || physical == PrimitiveTypeName.FLOAT
          || bits == PLAIN || (bits > 0 && bits <= 32) ? new NumberFillers.Doubles() : null;
      case DATE -> physical == PrimitiveTypeName.INT32 && a instanceof DateLogicalTypeAnnotation
          ? new NumberFillers.Ints(type) : null;
      case TIMESTAMP, TIMESTAMP_NTZ -> timestamp(type, physical, a);
      case STRING -> physical == PrimitiveTypeName.BINARY && isText(a) ? new TextFillers.Strings() : null;
      case BINARY -> (physical == PrimitiveTypeName.BINARY
              && (isText(a) || a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation))
          || (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY && a == null)
          ? new TextFillers.Bytes() : null;
      case VARIANT, VOID -> null; // not leaves: bound by ReadSchemaBinder
    };
  }

  /** {@code long}: INT64, or any 32-bit integer widened (unsigned 32-bit ones included). */
  private static VectorFiller longs(PrimitiveTypeName physical, LogicalTypeAnnotation a, int bits) {
    if (physical == PrimitiveTypeName.INT64) {
      boolean signed64 = a == null || (a instanceof IntLogicalTypeAnnotation i && i.isSigned());
      return signed64 ? new NumberFillers.Longs(PrimitiveType.LONG, 1, false) : null;
    }
    if (bits == PLAIN || bits > 0) {
      return new NumberFillers.Longs(PrimitiveType.LONG, 1, bits == 33);
    }
    return null;
  }

  /**
   * {@code timestamp}: INT96, INT64 TIMESTAMP in any unit, or a plain INT64 (microseconds, as old
   * writers left it). {@code timestamp_ntz}: INT64 TIMESTAMP not adjusted to UTC, INT96 (which has
   * no zone), or a DATE widened to midnight. An INT64 TIMESTAMP adjusted to UTC is an instant, not a
   * local date-time, so reading it as timestamp_ntz is refused, as Spark does.
   */
  private static VectorFiller timestamp(PrimitiveType type, PrimitiveTypeName physical, LogicalTypeAnnotation a) {
    boolean ntz = type == PrimitiveType.TIMESTAMP_NTZ;
    if (physical == PrimitiveTypeName.INT96) {
      return new TimestampFillers.Int96(type);
    }
    if (physical == PrimitiveTypeName.INT64 && a == null && !ntz) {
      return new NumberFillers.Longs(type, 1, false);
    }
    if (physical == PrimitiveTypeName.INT64 && a instanceof TimestampLogicalTypeAnnotation t
        && (!ntz || !t.isAdjustedToUTC())) {
      return switch (t.getUnit()) {
        case MILLIS -> new NumberFillers.Longs(type, 1000, false);
        case MICROS -> new NumberFillers.Longs(type, 1, false);
        case NANOS -> new TimestampFillers.Nanos(type);
      };
    }
    if (ntz && physical == PrimitiveTypeName.INT32 && a instanceof DateLogicalTypeAnnotation) {
      return new NumberFillers.Longs(type, Micros.PER_DAY, false);
    }
    return null;
  }

  /**
   * A decimal: an annotated decimal whose scale and integer digits both fit the table's type
   * (equal, or widened: {@code decimal(p,s)} to {@code decimal(p+k1,s+k2)}, k1 >= k2), or an integer
   * column widened to a decimal with enough integer digits for every value of the file's integer
   * type: PROTOCOL.md asks for 10 (byte, short, int) or 20 (long), but Delta's own writers widened
   * byte to {@code decimal(4,1)} and short to {@code decimal(6,1)} (kernel-rs data/type-widening),
   * which is just as lossless, so 3 digits suffice for a byte and 5 for a short.
   */
  private static VectorFiller decimal(DecimalType type, PrimitiveTypeName physical, LogicalTypeAnnotation a) {
    int fileScale;
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      boolean fits = d.getScale() <= type.scale() && d.getPrecision() - d.getScale() <= type.precision() - type.scale();
      if (!fits) {
        return null;
      }
      fileScale = d.getScale();
    } else {
      int integerDigits = switch (physical) {
        case INT32 -> integerDigits(int32Bits(a));
        case INT64 -> a == null || (a instanceof IntLogicalTypeAnnotation i && i.isSigned()) ? 20 : -1;
        default -> -1;
      };
      if (integerDigits < 0 || type.precision() - type.scale() < integerDigits) {
        return null;
      }
      fileScale = 0;
    }
    return switch (physical) {
      case INT32, INT64 -> type.precision() <= LongVector.MAX_LONG_DECIMAL_PRECISION
          ? new NumberFillers.Longs(type, DecimalFillers.powerOfTen(type.scale() - fileScale), false)
          : new DecimalFillers.BigFromLong(type, fileScale);
      case FIXED_LEN_BYTE_ARRAY, BINARY -> new DecimalFillers.FromBytes(type, fileScale);
      default -> null;
    };
  }

  /** Decimal digits that hold every value of an INT32 of {@code bits} (see {@link #int32Bits}). */
  private static int integerDigits(int bits) {
    if (bits == PLAIN) {
      return 10;
    }
    if (bits == NOT_AN_INTEGER) {
      return -1;
    }
    return bits <= 9 ? 3 : bits <= 17 ? 5 : 10; // 8 signed / 9 unsigned bits, then 16 / 17
  }

  /**
   * The bits of an INT32's integer annotation: {@link #PLAIN} without one, the width for a signed
   * one, the width plus one for an unsigned one (so UINT_8 fits a short and UINT_32 only a long),
   * {@link #NOT_AN_INTEGER} for other annotations.
   */
  private static int int32Bits(LogicalTypeAnnotation a) {
    if (a == null) {
      return PLAIN;
    }
    if (a instanceof IntLogicalTypeAnnotation i && i.getBitWidth() <= 32) {
      return i.isSigned() ? i.getBitWidth() : i.getBitWidth() + 1;
    }
    return NOT_AN_INTEGER;
  }

  /** Text: annotated as a string, enum or JSON, or not annotated, as old writers left strings. */
  private static boolean isText(LogicalTypeAnnotation a) {
    return a == null
        || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
  }
}
