package io.delta4j.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CorruptLogException;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Action parsing per PROTOCOL.md "Actions": every action kind, tolerance rules, exact errors. */
class ActionParserTest {
  static final String TABLE = "/data/t";
  static final String FILE = "_delta_log/00000000000000000007.json";

  static List<Action> parse(String content) {
    return parse(content, ActionType.all());
  }

  static List<Action> parse(String content, Set<ActionType> wanted) {
    List<Action> out = new ArrayList<>();
    ActionParser.parse(content.getBytes(UTF_8), TABLE, FILE, wanted, out::add);
    return out;
  }

  static Action parseOne(String line) {
    List<Action> actions = parse(line);
    assertEquals(1, actions.size(), () -> "actions of " + line);
    return actions.get(0);
  }

  static String error(String content) {
    return assertThrows(CorruptLogException.class, () -> parse(content)).getMessage();
  }

  static String lineError(long line, String detail) {
    return TABLE + ": Cannot parse " + FILE + " line " + line + ": " + detail + ".";
  }

  static Map<String, String> map(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  // ---- each action kind, all fields and minimal fields

  @Test
  void addWithAllFields() {
    Action a = parseOne("{\"add\":{\"path\":\"date=2017-12-10/part-000.c000.gz.parquet\","
        + "\"partitionValues\":{\"date\":\"2017-12-10\",\"region\":null},\"size\":841454,"
        + "\"modificationTime\":1512909768000,\"dataChange\":true,"
        + "\"stats\":\"{\\\"numRecords\\\":1}\",\"tags\":{\"INSERTION_TIME\":\"1\"},"
        + "\"deletionVector\":{\"storageType\":\"u\",\"pathOrInlineDv\":\"ab^-aqEH.-t@S}K{vb[*k^\","
        + "\"offset\":4,\"sizeInBytes\":40,\"cardinality\":6},\"baseRowId\":4071,"
        + "\"defaultRowCommitVersion\":41,\"clusteringProvider\":\"liquid\"}}");
    assertEquals(new AddFile("date=2017-12-10/part-000.c000.gz.parquet",
        map("date", "2017-12-10", "region", null), 841454, 1512909768000L, true,
        Optional.of("{\"numRecords\":1}"), map("INSERTION_TIME", "1"),
        Optional.of(new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", OptionalInt.of(4),
            40, 6)),
        OptionalLong.of(4071), OptionalLong.of(41), Optional.of("liquid")), a);
  }

  @Test
  void addWithRequiredFieldsOnly() {
    Action a = parseOne("{\"add\":{\"path\":\"a.parquet\",\"partitionValues\":{},\"size\":1,"
        + "\"modificationTime\":2,\"dataChange\":false}}");
    assertEquals(new AddFile("a.parquet", Map.of(), 1, 2, false, Optional.empty(), Map.of(),
        Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty()), a);
  }

  @Test
  void nullOptionalsReadAsAbsent() {
    // Kernel writes absent optionals as null ("Checkpoint Schema": a missing column means null).
    Action a = parseOne("{\"add\":{\"path\":\"a\",\"partitionValues\":{},\"size\":1,"
        + "\"modificationTime\":2,\"dataChange\":true,\"stats\":null,\"tags\":null,"
        + "\"deletionVector\":null,\"baseRowId\":null,\"defaultRowCommitVersion\":null,"
        + "\"clusteringProvider\":null}}");
    assertEquals(new AddFile("a", Map.of(), 1, 2, true, Optional.empty(), Map.of(),
        Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty()), a);
  }

  @Test
  void inlineDeletionVectorHasNoOffset() {
    AddFile a = (AddFile) parseOne("{\"add\":{\"path\":\"a\",\"partitionValues\":{},\"size\":1,"
        + "\"modificationTime\":2,\"dataChange\":true,\"deletionVector\":{\"storageType\":\"i\","
        + "\"pathOrInlineDv\":\"wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L\","
        + "\"offset\":null,\"sizeInBytes\":40,\"cardinality\":6}}}");
    DeletionVectorDescriptor dv = a.deletionVector().orElseThrow();
    assertEquals(OptionalInt.empty(), dv.offset());
    assertEquals("iwi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", dv.uniqueId());
  }

  @Test
  void removeWithAllFields() {
    Action r = parseOne("{\"remove\":{\"path\":\"p=1/a.parquet\",\"deletionTimestamp\":1515488792485,"
        + "\"dataChange\":true,\"extendedFileMetadata\":true,\"partitionValues\":{\"p\":\"1\"},"
        + "\"size\":10,\"stats\":\"{}\",\"tags\":{\"k\":\"v\"},\"deletionVector\":{"
        + "\"storageType\":\"p\",\"pathOrInlineDv\":\"s3://t/dv.bin\",\"offset\":1,"
        + "\"sizeInBytes\":2,\"cardinality\":3},\"baseRowId\":4071,\"defaultRowCommitVersion\":41}}");
    assertEquals(new RemoveFile("p=1/a.parquet", OptionalLong.of(1515488792485L), true,
        Optional.of(true), Optional.of(map("p", "1")), OptionalLong.of(10), Optional.of("{}"),
        map("k", "v"),
        Optional.of(new DeletionVectorDescriptor("p", "s3://t/dv.bin", OptionalInt.of(1), 2, 3)),
        OptionalLong.of(4071), OptionalLong.of(41)), r);
  }

  @Test
  void removeWithRequiredFieldsOnly() {
    assertEquals(new RemoveFile("a", OptionalLong.empty(), false, Optional.empty(),
            Optional.empty(), OptionalLong.empty(), Optional.empty(), Map.of(), Optional.empty(),
            OptionalLong.empty(), OptionalLong.empty()),
        parseOne("{\"remove\":{\"path\":\"a\",\"dataChange\":false}}"));
  }

  @Test
  void metadataWithAllFields() {
    Action m = parseOne("{\"metaData\":{\"id\":\"af23c9d7-fff1-4a5a-a2c8-55c59bd782aa\","
        + "\"name\":\"events\",\"description\":\"all events\",\"format\":{\"provider\":\"parquet\","
        + "\"options\":{\"o\":\"1\"}},\"schemaString\":\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[]}\","
        + "\"partitionColumns\":[\"date\",\"region\"],\"configuration\":{\"delta.appendOnly\":\"true\"},"
        + "\"createdTime\":1607452026918}}");
    assertEquals(new Metadata("af23c9d7-fff1-4a5a-a2c8-55c59bd782aa", Optional.of("events"),
        Optional.of("all events"), new Format("parquet", map("o", "1")),
        "{\"type\":\"struct\",\"fields\":[]}", List.of("date", "region"), OptionalLong.of(1607452026918L),
        map("delta.appendOnly", "true")), m);
  }

  @Test
  void metadataWithoutSchemaStringReadsAsEmpty() {
    // Golden deltalog-commit-info: hand-written in 2020 without a schemaString.
    Action m = parseOne("{\"metaData\":{\"id\":\"testId\",\"format\":{\"provider\":\"parquet\","
        + "\"options\":{}},\"partitionColumns\":[],\"configuration\":{},\"createdTime\":null}}");
    assertEquals(new Metadata("testId", Optional.empty(), Optional.empty(), Format.parquet(), "",
        List.of(), OptionalLong.empty(), Map.of()), m);
    assertEquals("", ((Metadata) parseOne("{\"metaData\":{\"id\":\"x\",\"format\":{\"provider\":"
        + "\"parquet\"},\"schemaString\":null,\"partitionColumns\":[],\"configuration\":{}}}"))
        .schemaString());
  }

  @Test
  void protocolWithTableFeatures() {
    assertEquals(new Protocol(3, 7, Set.of("deletionVectors"), Set.of("deletionVectors", "appendOnly")),
        parseOne("{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
            + "\"readerFeatures\":[\"deletionVectors\"],"
            + "\"writerFeatures\":[\"deletionVectors\",\"appendOnly\"]}}"));
  }

  @Test
  void protocolWithoutOrWithNullFeatureLists() {
    assertEquals(new Protocol(1, 2),
        parseOne("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}"));
    assertEquals(new Protocol(1, 2), parseOne("{\"protocol\":{\"minReaderVersion\":1,"
        + "\"minWriterVersion\":2,\"readerFeatures\":null,\"writerFeatures\":null}}"));
  }

  @Test
  void cdcWithAndWithoutOptionalFields() {
    assertEquals(new AddCdcFile("_change_data/cdc-1.parquet", map("p", "a"), 1213, false,
            map("k", "v")),
        parseOne("{\"cdc\":{\"path\":\"_change_data/cdc-1.parquet\",\"partitionValues\":{\"p\":\"a\"},"
            + "\"size\":1213,\"dataChange\":false,\"tags\":{\"k\":\"v\"}}}"));
    // "Add CDC File": dataChange is always false, so a writer may leave it out.
    assertEquals(new AddCdcFile("c", Map.of(), 1, false, Map.of()),
        parseOne("{\"cdc\":{\"path\":\"c\",\"partitionValues\":{},\"size\":1}}"));
  }

  @Test
  void txnWithAndWithoutLastUpdated() {
    assertEquals(new SetTransaction("app", 364475, OptionalLong.of(1)),
        parseOne("{\"txn\":{\"appId\":\"app\",\"version\":364475,\"lastUpdated\":1}}"));
    assertEquals(new SetTransaction("app", -1, OptionalLong.empty()),
        parseOne("{\"txn\":{\"appId\":\"app\",\"version\":-1}}"));
  }

  @Test
  void domainMetadata() {
    assertEquals(new DomainMetadata("delta.rowTracking", "{\"rowIdHighWaterMark\":4}", true),
        parseOne("{\"domainMetadata\":{\"domain\":\"delta.rowTracking\","
            + "\"configuration\":\"{\\\"rowIdHighWaterMark\\\":4}\",\"removed\":true}}"));
  }

  @Test
  void checkpointMetadataAndSidecar() {
    assertEquals(new CheckpointMetadata(364475, Map.of()),
        parseOne("{\"checkpointMetadata\":{\"version\":364475,\"tags\":{}}}"));
    assertEquals(new CheckpointMetadata(1, map("a", "b")),
        parseOne("{\"checkpointMetadata\":{\"version\":1,\"tags\":{\"a\":\"b\"}}}"));
    assertEquals(new Sidecar("016ae953.parquet", 2304522, 1512909768000L, Map.of()),
        parseOne("{\"sidecar\":{\"path\":\"016ae953.parquet\",\"sizeInBytes\":2304522,"
            + "\"modificationTime\":1512909768000}}"));
    assertEquals(new Sidecar("s.parquet", 1, 2, map("sidecarNumActions", "3")),
        parseOne("{\"sidecar\":{\"path\":\"s.parquet\",\"sizeInBytes\":1,\"modificationTime\":2,"
            + "\"tags\":{\"sidecarNumActions\":\"3\"}}}"));
  }

  // ---- tolerance: "Protocol Evolution"

  @Test
  void unknownFieldsAndActionsAreSkipped() {
    List<Action> actions = parse(""
        + "{\"someNewAction\":{\"a\":[1,{\"b\":null}]}}\n"
        + "{\"add\":{\"path\":\"a\",\"newField\":{\"x\":[1,2]},\"partitionValues\":{},\"size\":1,"
        + "\"modificationTime\":2,\"dataChange\":true,\"stats_parsed\":{\"numRecords\":1}},"
        + "\"alongside\":[1,2]}\n"
        + "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2,\"future\":true}}\n"
        + "{\"add\":null}\n"
        + "{}\n");
    assertEquals(List.of(
        new AddFile("a", Map.of(), 1, 2, true, Optional.empty(), Map.of(), Optional.empty(),
            OptionalLong.empty(), OptionalLong.empty(), Optional.empty()),
        new Protocol(1, 2)), actions);
  }

  @Test
  void unwantedActionsAreSkippedUnread() {
    String commit = ""
        + "{\"commitInfo\":{\"timestamp\":1}}\n"
        + "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
        + "{\"add\":{\"path\":\"a\",\"size\":\"not checked when not wanted\"}}\n"
        + "{\"metaData\":{\"id\":\"x\",\"format\":{\"provider\":\"parquet\"},"
        + "\"partitionColumns\":[],\"configuration\":{}}}\n";
    List<Action> actions = parse(commit, EnumSet.of(ActionType.PROTOCOL, ActionType.METADATA));
    assertEquals(List.of(ActionType.PROTOCOL, ActionType.METADATA),
        actions.stream().map(Action::type).toList());
    assertEquals(List.of(), parse(commit, EnumSet.noneOf(ActionType.class)));
    // Skipping still reads the JSON syntax, so a broken line is found whatever is wanted.
    CorruptLogException e = assertThrows(CorruptLogException.class,
        () -> parse("{\"add\":{\"path\":\"a\"\n", EnumSet.of(ActionType.PROTOCOL)));
    assertEquals(lineError(1, "truncated JSON"), e.getMessage());
  }

  // ---- line handling

  @Test
  void crlfBlankLinesAndMissingFinalNewline() {
    String p = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}";
    String t = "{\"txn\":{\"appId\":\"a\",\"version\":1}}";
    List<Action> expected = List.of(new Protocol(1, 2),
        new SetTransaction("a", 1, OptionalLong.empty()));
    assertEquals(expected, parse(p + "\r\n" + t + "\r\n"));
    assertEquals(expected, parse("\n  \n" + p + "\n\r\n\t\n" + t));
    assertEquals(List.of(), parse(""));
    assertEquals(List.of(), parse("\n\r\n"));
    // Blank lines still count, so the reported line is the one an editor shows.
    assertEquals(lineError(4, "truncated JSON"), error(p + "\r\n\r\n\n{\"txn\":{"));
  }

  @Test
  void streamGivesTheSameActionsAndLinesAsBytes() throws IOException {
    String longStats = "x".repeat(200_000); // longer than the stream buffer
    String content = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\r\n\n"
        + "{\"add\":{\"path\":\"a\",\"partitionValues\":{},\"size\":1,\"modificationTime\":2,"
        + "\"dataChange\":true,\"stats\":\"" + longStats + "\"}}\n"
        + "{\"txn\":{\"appId\":\"a\",\"version\":1}}";
    List<Action> fromStream = new ArrayList<>();
    ActionParser.parse(trickle(content), TABLE, FILE, ActionType.all(), fromStream::add);
    assertEquals(parse(content), fromStream);
    assertEquals(3, fromStream.size());
    assertEquals(longStats, ((AddFile) fromStream.get(1)).stats().orElseThrow());

    CorruptLogException e = assertThrows(CorruptLogException.class,
        () -> ActionParser.parse(trickle(content + "\n\n{\"txn\":{\"appId\":1}}\n"), TABLE, FILE,
            ActionType.all(), a -> { }));
    assertEquals(lineError(6, "field \"txn.appId\" must be a string, was 1"), e.getMessage());
    assertEquals(OptionalLong.of(6), e.line());
    assertEquals(Optional.of(FILE), e.file());
  }

  /** A stream that returns at most 7 bytes per read, to cross line ends inside reads. */
  static InputStream trickle(String content) {
    return new ByteArrayInputStream(content.getBytes(UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 7));
      }
    };
  }

  @Test
  void streamReadFailuresPropagate() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };
    IOException e = assertThrows(IOException.class,
        () -> ActionParser.parse(failing, TABLE, FILE, ActionType.all(), a -> { }));
    assertEquals("disk gone", e.getMessage());
  }

  @Test
  void sinkFailuresPropagateUnwrapped() {
    UncheckedIOException boom = new UncheckedIOException(new IOException("sink"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> ActionParser.parse("{\"txn\":{\"appId\":\"a\",\"version\":1}}".getBytes(UTF_8),
            TABLE, FILE, ActionType.all(), a -> { throw boom; }));
    assertEquals(boom, e);
  }

  // ---- malformed lines: exact messages with file and line

  @Test
  void wrongTypeNamesFieldAndValue() {
    String good = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n";
    assertEquals(lineError(3, "field \"add.size\" must be a number, was \"abc\""),
        error(good + good + "{\"add\":{\"path\":\"a\",\"partitionValues\":{},\"size\":\"abc\","
            + "\"modificationTime\":2,\"dataChange\":true}}\n"));
    assertEquals(lineError(1, "field \"add.dataChange\" must be a boolean, was \"true\""),
        error("{\"add\":{\"path\":\"a\",\"partitionValues\":{},\"size\":1,"
            + "\"modificationTime\":2,\"dataChange\":\"true\"}}"));
    assertEquals(lineError(1, "field \"add.path\" must be a string, was an object"),
        error("{\"add\":{\"path\":{}}}"));
    assertEquals(lineError(1, "field \"add.partitionValues\" must be an object, was an array"),
        error("{\"add\":{\"path\":\"a\",\"partitionValues\":[]}}"));
    assertEquals(lineError(1, "field \"add.partitionValues.p\" must be a string, was 1"),
        error("{\"add\":{\"path\":\"a\",\"partitionValues\":{\"p\":1}}}"));
    assertEquals(lineError(1, "field \"metaData.partitionColumns[1]\" must be a string, was null"),
        error("{\"metaData\":{\"partitionColumns\":[\"a\",null]}}"));
    assertEquals(lineError(1, "field \"protocol.readerFeatures\" must be an array, was \"a\""),
        error("{\"protocol\":{\"readerFeatures\":\"a\"}}"));
    assertEquals(lineError(1, "field \"add\" must be an object, was true"),
        error("{\"add\":true}"));
    assertEquals(lineError(1, "field \"metaData.format\" must be an object, was \"parquet\""),
        error("{\"metaData\":{\"format\":\"parquet\"}}"));
  }

  @Test
  void longStringsAreCutInMessages() {
    String msg = error("{\"txn\":{\"appId\":\"a\",\"version\":\"" + "9".repeat(100) + "\\\"\"}}");
    assertEquals(lineError(1,
        "field \"txn.version\" must be a number, was \"" + "9".repeat(60) + "...\""), msg);
  }

  @Test
  void integerFieldsRejectFractionsAndOverflow() {
    assertEquals(lineError(1, "field \"txn.version\" must be an integer, was 1.5"),
        error("{\"txn\":{\"appId\":\"a\",\"version\":1.5}}"));
    assertEquals(lineError(1, "field \"txn.version\" must be an integer, was 1e3"),
        error("{\"txn\":{\"appId\":\"a\",\"version\":1e3}}"));
    assertEquals(lineError(1,
            "field \"txn.version\" must fit in a 64-bit integer, was 9223372036854775808"),
        error("{\"txn\":{\"appId\":\"a\",\"version\":9223372036854775808}}"));
    assertEquals(lineError(1,
            "field \"protocol.minReaderVersion\" must fit in a 32-bit integer, was 2147483648"),
        error("{\"protocol\":{\"minReaderVersion\":2147483648,\"minWriterVersion\":2}}"));
    assertEquals(lineError(1,
            "field \"add.deletionVector.offset\" must fit in a 32-bit integer, was 4294967296"),
        error("{\"add\":{\"deletionVector\":{\"offset\":4294967296}}}"));
    // Small numbers are fine for long fields, and long-range values for long fields.
    assertEquals(new SetTransaction("a", Long.MAX_VALUE, OptionalLong.of(0)),
        parseOne("{\"txn\":{\"appId\":\"a\",\"version\":9223372036854775807,\"lastUpdated\":0}}"));
  }

  @Test
  void missingRequiredFields() {
    assertEquals(lineError(1, "action \"add\" is missing required field \"path\""),
        error("{\"add\":{\"partitionValues\":{},\"size\":1,\"modificationTime\":2,"
            + "\"dataChange\":true}}"));
    assertEquals(lineError(1, "action \"add\" is missing required field \"modificationTime\""),
        error("{\"add\":{\"path\":\"a\",\"partitionValues\":{},\"size\":1,\"dataChange\":true}}"));
    assertEquals(lineError(1, "action \"add\" is missing required field \"partitionValues\""),
        error("{\"add\":{\"path\":\"a\",\"partitionValues\":null,\"size\":1,"
            + "\"modificationTime\":2,\"dataChange\":true}}"));
    assertEquals(lineError(1, "action \"remove\" is missing required field \"dataChange\""),
        error("{\"remove\":{\"path\":\"a\"}}"));
    assertEquals(lineError(1, "action \"metaData\" is missing required field \"format\""),
        error("{\"metaData\":{\"id\":\"x\",\"partitionColumns\":[],\"configuration\":{}}}"));
    assertEquals(lineError(1, "action \"metaData\" is missing required field \"format.provider\""),
        error("{\"metaData\":{\"id\":\"x\",\"format\":{},\"partitionColumns\":[],"
            + "\"configuration\":{}}}"));
    assertEquals(lineError(1, "action \"protocol\" is missing required field \"minWriterVersion\""),
        error("{\"protocol\":{\"minReaderVersion\":1}}"));
    assertEquals(lineError(1, "action \"txn\" is missing required field \"version\""),
        error("{\"txn\":{\"appId\":\"a\"}}"));
    assertEquals(lineError(1, "action \"cdc\" is missing required field \"size\""),
        error("{\"cdc\":{\"path\":\"c\",\"partitionValues\":{}}}"));
    assertEquals(lineError(1, "action \"domainMetadata\" is missing required field \"removed\""),
        error("{\"domainMetadata\":{\"domain\":\"d\",\"configuration\":\"\"}}"));
    assertEquals(lineError(1,
            "action \"checkpointMetadata\" is missing required field \"version\""),
        error("{\"checkpointMetadata\":{}}"));
    assertEquals(lineError(1, "action \"sidecar\" is missing required field \"modificationTime\""),
        error("{\"sidecar\":{\"path\":\"s\",\"sizeInBytes\":1}}"));
    assertEquals(lineError(1,
            "action \"remove\" is missing required field \"deletionVector.cardinality\""),
        error("{\"remove\":{\"path\":\"a\",\"dataChange\":true,\"deletionVector\":{"
            + "\"storageType\":\"u\",\"pathOrInlineDv\":\"x\",\"sizeInBytes\":1}}}"));
  }

  @Test
  void brokenJson() {
    assertEquals(lineError(2, "truncated JSON"),
        error("{\"txn\":{\"appId\":\"a\",\"version\":1}}\n{\"txn\":{\"appId\":\"a\",\"vers"));
    assertEquals(lineError(1, "invalid JSON at column 9 (Unexpected character ('x' (code 120)): "
            + "was expecting double-quote to start field name)"),
        error("{\"add\":{x}}"));
    assertEquals(lineError(1, "expected a JSON object with one action, was an array"),
        error("[{\"add\":{}}]"));
    assertEquals(lineError(1, "expected a JSON object with one action, was 42"), error("42"));
    assertEquals(lineError(1, "unexpected content after the action object"),
        error("{\"txn\":{\"appId\":\"a\",\"version\":1}} {}"));
    assertEquals(lineError(1, "the line holds two actions, \"txn\" and \"protocol\"; "
            + "each line must hold exactly one"),
        error("{\"txn\":{\"appId\":\"a\",\"version\":1},\"protocol\":{\"minReaderVersion\":1,"
            + "\"minWriterVersion\":2}}"));
  }

  @Test
  void errorsCarryTheirLocationAndCause() {
    CorruptLogException e = assertThrows(CorruptLogException.class,
        () -> parse("\n{\"add\":{x}}"));
    assertEquals(OptionalLong.of(2), e.line());
    assertEquals(Optional.of(FILE), e.file());
    assertEquals(TABLE, e.table());
    assertTrue(e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException);
    assertNull(assertThrows(CorruptLogException.class, () -> parse("{\"txn\":{}}")).getCause());
  }

  @Test
  void aBadLineEmitsNothingAndEarlierLinesStayEmitted() {
    List<Action> seen = new ArrayList<>();
    assertThrows(CorruptLogException.class, () -> ActionParser.parse(
        ("{\"txn\":{\"appId\":\"a\",\"version\":1}}\n"
            + "{\"txn\":{\"appId\":\"b\",\"version\":2},\"txn2\":1} trailing").getBytes(UTF_8),
        TABLE, FILE, ActionType.all(), seen::add));
    assertEquals(List.of(new SetTransaction("a", 1, OptionalLong.empty())), seen);
  }
}
