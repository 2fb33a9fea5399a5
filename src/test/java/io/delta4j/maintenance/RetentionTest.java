package io.delta4j.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link Retention}: how durations read in messages, and the day boundary of cutoffs. */
class RetentionTest {
  @Test
  void retentionsAreDescribedInTheirLargestWholeUnit() {
    assertEquals("7 days", Retention.describe(Duration.ofDays(7)));
    assertEquals("1 day", Retention.describe(Duration.ofHours(24)));
    assertEquals("36 hours", Retention.describe(Duration.ofHours(36)));
    assertEquals("90 minutes", Retention.describe(Duration.ofMinutes(90)));
    assertEquals("1500 ms", Retention.describe(Duration.ofMillis(1500)));
    assertEquals("0 ms", Retention.describe(Duration.ZERO));
  }

  @Test
  void cutoffsAreMidnightUtc() {
    assertEquals(Instant.parse("2024-01-31T00:00:00Z"), Retention.startOfDayUtc(Instant.parse("2024-01-31T23:59:59.999Z")));
    assertEquals(Instant.parse("2024-02-01T00:00:00Z"), Retention.startOfDayUtc(Instant.parse("2024-02-01T00:00:00Z")));
  }
}
