package io.delta4j.expr;

import io.delta4j.types.PrimitiveType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a file's statistics prove about one column's values, after allowing for how writers
 * truncate them. Every fact is a guarantee: an unknown is always "may".
 *
 * @param mayHaveNull a row may hold null
 * @param mayHaveValue a row may hold a non-null value
 * @param lower every non-null value is at least this; null when unknown
 * @param upper a bound above the non-null values, of kind {@code upperKind}; null when unknown
 * @param upperKind how {@code upper} bounds them
 */
record ColumnBounds(boolean mayHaveNull, boolean mayHaveValue, Object lower, Object upper, UpperKind upperKind) {
  enum UpperKind {
    /** Every value is at most the bound. */
    INCLUSIVE,
    /** Every string's prefix of the bound's length (in code points) is at most the bound. */
    PREFIX,
    /** Every value other than NaN is at most the bound; NaN, above everything, may occur. */
    NOT_NAN
  }

  /**
   * A maximum string of at least this many code points may be a bare prefix of the real maximum:
   * Delta writes prefixes of 32 characters by default and marks its truncated maxima (see {@link
   * #stringUpper}), but a writer that cut at 32 without marking would leave no trace.
   */
  static final int STRING_PREFIX_LENGTH = 32;

  /** Delta ends a truncated string maximum with U+FFFD after any characters at or above it. */
  private static final char TIE_BREAKER = '\ufffd';

  /** Statistics have millisecond timestamps, cut down from microseconds (PROTOCOL.md, "Per-file Statistics"). */
  private static final Duration TIMESTAMP_TRUNCATION = Duration.ofMillis(1);

  static final ColumnBounds UNKNOWN = new ColumnBounds(true, true, null, null, UpperKind.INCLUSIVE);

  /** The facts about column {@code i} of {@code columns} from {@code stats}. */
  static ColumnBounds of(BoundColumn column, FileStats stats, int i) {
    long nullCount = stats.nullCount[i];
    // Also with wide bounds (tightBounds=false, after deletion vectors), a null count of 0 or of
    // numRecords keeps its meaning (PROTOCOL.md, "Per-file Statistics"); other values are not used.
    boolean mayHaveNull = nullCount != 0;
    boolean allNull = nullCount >= 0 && nullCount == stats.numRecords;
    boolean mayHaveValue = !allNull && column.type() != PrimitiveType.VOID;
    if (!usableMinMax(column)) {
      return new ColumnBounds(mayHaveNull, mayHaveValue, null, null, UpperKind.INCLUSIVE);
    }
    Object lower = ValueOrder.isNaN(stats.min[i]) ? null : stats.min[i];
    Object max = stats.max[i];
    if (max == null || ValueOrder.isNaN(max)) {
      return new ColumnBounds(mayHaveNull, mayHaveValue, lower, null, UpperKind.INCLUSIVE);
    }
    if (max instanceof String s) {
      return stringUpper(mayHaveNull, mayHaveValue, lower, s);
    }
    if (max instanceof Float || max instanceof Double) {
      // A writer that follows Parquet's statistics rules leaves NaN out of min and max, so NaN
      // (above every number in Spark's order) may lie above the maximum. The minimum stays a bound.
      return new ColumnBounds(mayHaveNull, mayHaveValue, lower, max, UpperKind.NOT_NAN);
    }
    try {
      if (max instanceof Instant t) {
        max = t.plus(TIMESTAMP_TRUNCATION);
      } else if (max instanceof LocalDateTime t) {
        max = t.plus(TIMESTAMP_TRUNCATION);
      }
    } catch (DateTimeException e) {
      max = null; // at the end of time: no bound above
    }
    return new ColumnBounds(mayHaveNull, mayHaveValue, lower, max, UpperKind.INCLUSIVE);
  }

  /**
   * A string maximum. Delta truncates one longer than 32 characters and appends U+FFFD (after any
   * following characters at or above U+FFFD), which makes it an upper bound in UTF-16 order but not
   * in the code point order values compare in (a character above U+FFFF sorts after it). So a
   * maximum ending in U+FFFD to U+FFFF is read as "the values start with at most what precedes
   * it", and a long one, which a less careful writer may have cut bare, as "the values start with at
   * most this". Any other maximum is exact, hence an inclusive bound.
   */
  private static ColumnBounds stringUpper(boolean mayHaveNull, boolean mayHaveValue, Object lower, String max) {
    if (!max.isEmpty() && max.charAt(max.length() - 1) >= TIE_BREAKER) {
      String prefix = max.substring(0, max.length() - 1);
      if (!prefix.isEmpty() && Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))) {
        prefix = prefix.substring(0, prefix.length() - 1); // half a character: not a code point prefix
      }
      return new ColumnBounds(mayHaveNull, mayHaveValue, lower, prefix, UpperKind.PREFIX);
    }
    if (max.codePointCount(0, max.length()) >= STRING_PREFIX_LENGTH) {
      return new ColumnBounds(mayHaveNull, mayHaveValue, lower, max, UpperKind.PREFIX);
    }
    return new ColumnBounds(mayHaveNull, mayHaveValue, lower, max, UpperKind.INCLUSIVE);
  }

  /**
   * Whether min/max can be trusted for the column's current type. After a float column is widened
   * to double (type widening), files written before hold float statistics printed for floats: read
   * as doubles, they can lie below the value (0.1 printed for the float 0.100000001...).
   */
  private static boolean usableMinMax(BoundColumn column) {
    if (column.type() != PrimitiveType.DOUBLE) {
      return true;
    }
    Object changes = column.field().metadata().get("delta.typeChanges");
    if (changes instanceof List<?> list) {
      for (Object change : list) {
        if (change instanceof Map<?, ?> map && "float".equals(map.get("fromType"))) {
          return false;
        }
      }
    }
    return true;
  }
}
