package io.delta4j.util;

import java.util.Locale;

/**
 * Durations in the form Delta's table properties use ({@code delta.deletedFileRetentionDuration},
 * {@code delta.setTransactionRetentionDuration}, {@code delta.logRetentionDuration}): Spark's
 * calendar interval strings such as {@code interval 1 week}, {@code 7 days} or
 * {@code interval 1 day 12 hours}. The word {@code interval} is optional; units are week, day,
 * hour, minute, second, millisecond and microsecond, singular or plural, in any case. Months and
 * years are refused, as Delta refuses them for these properties (they have no fixed length).
 */
public final class Intervals {
  private Intervals() {}

  /**
   * The interval in milliseconds (microseconds are truncated).
   *
   * @throws IllegalArgumentException naming what is wrong, when the text is not such an interval
   *     or is negative
   */
  public static long toMillis(String text) {
    String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    int i = words.length > 0 && words[0].equals("interval") ? 1 : 0;
    if (i >= words.length || words[i].isEmpty()) {
      throw new IllegalArgumentException("it is not an interval such as \"interval 7 days\"");
    }
    long micros = 0;
    for (; i < words.length; i += 2) {
      if (i + 1 >= words.length) {
        throw new IllegalArgumentException("\"" + words[i] + "\" has no unit");
      }
      long amount;
      try {
        amount = Long.parseLong(words[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + words[i] + "\" is not a whole number");
      }
      try {
        micros = Math.addExact(micros, Math.multiplyExact(amount, microsPer(words[i + 1])));
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the interval is too long");
      }
    }
    if (micros < 0) {
      throw new IllegalArgumentException("the interval is negative");
    }
    return micros / 1000;
  }

  private static long microsPer(String unit) {
    String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    return switch (singular) {
      case "week" -> 7L * 24 * 3600 * 1_000_000;
      case "day" -> 24L * 3600 * 1_000_000;
      case "hour" -> 3600L * 1_000_000;
      case "minute" -> 60L * 1_000_000;
      case "second" -> 1_000_000L;
      case "millisecond" -> 1000L;
      case "microsecond" -> 1L;
      case "month", "year" ->
          throw new IllegalArgumentException("months and years have no fixed length; use days or weeks");
      default -> throw new IllegalArgumentException("\"" + unit + "\" is not a unit of time");
    };
  }
}
