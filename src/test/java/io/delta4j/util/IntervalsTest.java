package io.delta4j.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      interval 1 week                 | P7D
      interval 7 days                 | P7D
      7 days                          | P7D
      INTERVAL 168 HOURS              | P7D
      '  interval   1 day 12 hours  ' | PT36H
      interval 30 minutes             | PT30M
      interval 1 second               | PT1S
      interval 1500 milliseconds      | PT1.5S
      interval 2500 microseconds      | PT0.002S
      interval 0 days                 | PT0S
      interval 2 days -1 day          | P1D
      """)
  void parsesDeltasIntervals(String text, Duration expected) {
    assertEquals(expected.toMillis(), Intervals.toMillis(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ''                              | it is not an interval such as "interval 7 days"
      interval                        | it is not an interval such as "interval 7 days"
      interval 7                      | "7" has no unit
      interval seven days             | "seven" is not a whole number
      interval 1.5 days               | "1.5" is not a whole number
      interval 7 fortnights           | "fortnights" is not a unit of time
      interval 1 month                | months and years have no fixed length; use days or weeks
      interval 1 year                 | months and years have no fixed length; use days or weeks
      interval -1 day                 | the interval is negative
      interval 9223372036854775807 weeks | the interval is too long
      """)
  void refusesWhatDeltaRefuses(String text, String problem) {
    assertEquals(problem, assertThrows(IllegalArgumentException.class, () -> Intervals.toMillis(text)).getMessage());
  }
}
