package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats_parsed} and {@code partitionValues_parsed} are read, as their string forms, only
 * when a checkpoint lacks {@code stats} or {@code partitionValues} (PROTOCOL.md, "Checkpoints").
 */
class ParsedStructsTest {
  private static final String ADD_HEAD =
      "optional binary path (STRING); optional int64 size; optional int64 modificationTime;";

  @TempDir Path dir;
  private final CountingStorage storage = new CountingStorage();

  private AddFile readAdd(Path file) throws IOException {
    return (AddFile) ActionReading.readAll(storage, file, Set.of(ActionType.ADD)).get(0);
  }

  /** Raw binary leaves (and so variant structs, binary underneath) are left out, as Delta keeps no such stats. */
  @Test
  void statsParsedOfEveryTypeBecomesDeltaJson() throws IOException {
    byte[] fixed = new byte[16];
    byte[] unscaled = BigInteger.valueOf(-12345).toByteArray();
    java.util.Arrays.fill(fixed, (byte) 0xff); // sign extension of a negative value
    System.arraycopy(unscaled, 0, fixed, 16 - unscaled.length, unscaled.length);
    Path file = TestParquet.write(dir.resolve("stats.parquet"), "message m { optional group add { " + ADD_HEAD + """
            optional group stats_parsed {
              optional int64 numRecords;
              optional group minValues {
                optional int32 i; optional int64 l; optional double d; optional float f; optional boolean b;
                optional binary s (STRING); optional int32 day (DATE);
                optional int64 ts (TIMESTAMP(MICROS,true)); optional int64 ntz (TIMESTAMP(MICROS,false));
                optional int64 ms (TIMESTAMP(MILLIS,true)); optional int96 legacy;
                optional int32 dec (DECIMAL(8,5)); optional fixed_len_byte_array(16) big (DECIMAL(38,2));
                optional binary raw; optional double nan; optional int32 absent;
                optional group nested { optional int32 x; }
                optional group v { optional binary value; optional binary metadata; }
              }
              optional group nullCount { optional int64 i; optional group nested { optional int64 x; } }
              optional boolean tightBounds;
            }
          }
        }""",
        row -> {
          var add = row.addGroup("add").append("path", "p").append("size", 1L).append("modificationTime", 2L);
          var stats = add.addGroup("stats_parsed").append("numRecords", 10L);
          var min = stats.addGroup("minValues");
          min.append("i", 7).append("l", 8_000_000_000L).append("d", 1.5).append("f", 2.5f).append("b", true)
              .append("s", "a\"b").append("day", 19_844 /* 2024-05-01 */)
              .append("ts", 1_714_521_600_123_456L).append("ntz", -1L).append("ms", 1_714_521_600_123L)
              .append("legacy", new NanoTime(2_440_589 /* 1970-01-02 */, 3_600_000_000_001L))
              .append("dec", 123_456_789 % 100_000_000)
              .append("big", Binary.fromConstantByteArray(fixed))
              .append("raw", Binary.fromString("xyz")).append("nan", Double.NaN);
          min.addGroup("nested").append("x", 1);
          min.addGroup("v").append("value", Binary.fromString("v")).append("metadata", Binary.fromString("m"));
          stats.addGroup("nullCount").append("i", 0L).addGroup("nested").append("x", 3L);
          stats.append("tightBounds", false);
        });
    assertEquals(Optional.of("{\"numRecords\":10,\"minValues\":{\"i\":7,\"l\":8000000000,\"d\":1.5,\"f\":2.5,"
            + "\"b\":true,\"s\":\"a\\\"b\",\"day\":\"2024-05-01\",\"ts\":\"2024-05-01T00:00:00.123Z\","
            + "\"ntz\":\"1969-12-31T23:59:59.999Z\",\"ms\":\"2024-05-01T00:00:00.123Z\","
            + "\"legacy\":\"1970-01-02T01:00:00.000Z\",\"dec\":234.56789,\"big\":-123.45,\"nan\":\"NaN\","
            + "\"nested\":{\"x\":1}},\"nullCount\":{\"i\":0,\"nested\":{\"x\":3}},\"tightBounds\":false}"),
        readAdd(file).stats());
  }

  @Test
  void statsStringWinsOverStatsParsed() throws IOException {
    Path file = TestParquet.write(dir.resolve("both.parquet"), "message m { optional group add { " + ADD_HEAD
            + " optional binary stats (STRING); optional group stats_parsed { optional int64 numRecords; } } }",
        row -> {
          var add = row.addGroup("add").append("path", "p").append("size", 1L).append("modificationTime", 2L)
              .append("stats", "{\"numRecords\":5}");
          add.addGroup("stats_parsed").append("numRecords", 6L);
        });
    assertEquals(Optional.of("{\"numRecords\":5}"), readAdd(file).stats());
  }

  @Test
  void partitionValuesParsedStandsInOnlyForAMissingMap() throws IOException {
    Path file = TestParquet.write(dir.resolve("parts.parquet"), "message m { optional group add { " + ADD_HEAD + """
            optional group partitionValues_parsed {
              optional int32 year; optional binary region (STRING); optional int32 day (DATE);
              optional int64 at (TIMESTAMP(MICROS,true)); optional boolean flag; optional int32 dec (DECIMAL(5,2));
              optional binary bin; optional binary none (STRING);
            }
          }
        }""",
        row -> row.addGroup("add").append("path", "p").append("size", 1L).append("modificationTime", 2L)
            .addGroup("partitionValues_parsed").append("year", 2024).append("region", "eu").append("day", 0)
            .append("at", 1_500_000L).append("flag", false).append("dec", 150)
            .append("bin", Binary.fromConstantByteArray(new byte[] {1, 2})));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("year", "2024");
    expected.put("region", "eu");
    expected.put("day", "1970-01-01");
    expected.put("at", "1970-01-01T00:00:01.500000Z");
    expected.put("flag", "false");
    expected.put("dec", "1.50");
    expected.put("bin", "\u0001\u0002");
    expected.put("none", null);
    assertEquals(expected, readAdd(file).partitionValues());
  }
}
