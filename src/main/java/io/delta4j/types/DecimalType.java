package io.delta4j.types;

/**
 * A fixed-point decimal (PROTOCOL.md, "Primitive Types": precision and scale up to 38), written in
 * the schema JSON as the string {@code "decimal(p,s)"}.
 *
 * @param precision total number of digits, 1 to 38
 * @param scale digits right of the point, 0 to {@code precision}
 */
public record DecimalType(int precision, int scale) implements DataType {
  /** The largest precision the protocol (and Parquet's 16-byte decimals) allows. */
  public static final int MAX_PRECISION = 38;

  /** What a bare {@code "decimal"} means, as in Spark: {@code decimal(10,0)}. */
  public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

  public DecimalType {
    String problem = problem(precision, scale);
    if (problem != null) {
      throw new IllegalArgumentException("Invalid decimal(" + precision + "," + scale + "): " + problem + ".");
    }
  }

  /** Why {@code decimal(precision,scale)} is invalid, or null if it is valid. */
  static String problem(long precision, long scale) {
    if (precision < 1 || precision > MAX_PRECISION) {
      return "precision must be between 1 and " + MAX_PRECISION;
    }
    if (scale < 0 || scale > precision) {
      return "scale must be between 0 and the precision";
    }
    return null;
  }

  /** The name in the schema JSON, e.g. {@code "decimal(10,2)"} (no spaces, as Spark writes it). */
  public String typeName() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public String simpleString() {
    return typeName();
  }
}
