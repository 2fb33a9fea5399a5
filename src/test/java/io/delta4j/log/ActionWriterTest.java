package io.delta4j.log;

import static io.delta4j.log.ActionParserTest.map;
import static io.delta4j.log.ActionParserTest.parseOne;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Writing actions: Spark's key order, absent optionals left out, and parse(write(a)) == a. */
class ActionWriterTest {
  /** Strings that need escaping or are not ASCII, to catch encoding slips in either direction. */
  static final String ODD = "a \"quoted\" \\ path/ü/日本/\u0001\t\n%20";

  static final DeletionVectorDescriptor DV =
      new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", OptionalInt.of(4), 40, 6);

  static final AddFile RICH_ADD = new AddFile(ODD, map("date", "2017-12-10", "region", null,
          "empty", ""), Long.MAX_VALUE, 1512909768000L, true,
      Optional.of("{\"numRecords\":1,\"minValues\":{\"a\":\"" + ODD.replace("\"", "\\\"") + "\"}}"),
      map("INSERTION_TIME", "1", "k", ODD), Optional.of(DV), OptionalLong.of(4071),
      OptionalLong.of(41), Optional.of("liquid"));

  static List<Action> richActions() {
    return List.of(
        parseOne("{\"commitInfo\":{\"timestamp\":1,\"inCommitTimestamp\":2,\"operation\":\"WRITE\","
            + "\"operationParameters\":{\"mode\":\"Append\",\"auto\":false,\"o\":{\"x\":[1.50]}},"
            + "\"readVersion\":0,\"isolationLevel\":\"Serializable\",\"isBlindAppend\":true,"
            + "\"operationMetrics\":{\"numFiles\":\"1\"},\"engineInfo\":\"delta4j\","
            + "\"txnId\":\"t\",\"userMetadata\":\"" + ODD.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n").replace("\t", "\\t").replace("\u0001", "\\u0001")
            + "\",\"unknown\":{\"a\":null}}}"),
        new Protocol(3, 7, Set.of("deletionVectors", "columnMapping"),
            Set.of("deletionVectors", "columnMapping", "domainMetadata")),
        new Metadata("af23c9d7", Optional.of(ODD), Optional.of("description"),
            new Format("parquet", map("o", "1")), "{\"type\":\"struct\",\"fields\":[]}",
            List.of("date", ODD), OptionalLong.of(1607452026918L),
            map("delta.enableDeletionVectors", "true", "nullValued", null)),
        RICH_ADD,
        new RemoveFile("p=1/a.parquet", OptionalLong.of(1515488792485L), false, Optional.of(true),
            Optional.of(map("p", "1", "q", null)), OptionalLong.of(10), Optional.of("{}"),
            map("k", "v"),
            Optional.of(new DeletionVectorDescriptor("i", "wi5b=000010000siXQKl0rr9",
                OptionalInt.empty(), 40, 6)),
            OptionalLong.of(4071), OptionalLong.of(41)),
        new AddCdcFile("_change_data/cdc-1.parquet", map("p", null), 1213, false, map("k", "v")),
        new SetTransaction(ODD, -5, OptionalLong.of(Long.MIN_VALUE)),
        new DomainMetadata("delta.rowTracking", "{\"rowIdHighWaterMark\":4}", true),
        new CheckpointMetadata(364475, map("a", "b")),
        new Sidecar("016ae953.parquet", 2304522, 1512909768000L, map("sidecarNumActions", "3")));
  }

  static List<Action> minimalActions() {
    return List.of(
        parseOne("{\"commitInfo\":{}}"),
        new Protocol(1, 2),
        new Metadata("x", Optional.empty(), Optional.empty(), Format.parquet(), "", List.of(),
            OptionalLong.empty(), Map.of()),
        new AddFile("a", Map.of(), 0, 0, false, Optional.empty(), Map.of(), Optional.empty(),
            OptionalLong.empty(), OptionalLong.empty(), Optional.empty()),
        new RemoveFile("a", OptionalLong.empty(), true, Optional.empty(), Optional.empty(),
            OptionalLong.empty(), Optional.empty(), Map.of(), Optional.empty(),
            OptionalLong.empty(), OptionalLong.empty()),
        new RemoveFile("a", OptionalLong.empty(), true, Optional.of(false), Optional.of(Map.of()),
            OptionalLong.empty(), Optional.empty(), Map.of(), Optional.empty(),
            OptionalLong.empty(), OptionalLong.empty()),
        new AddCdcFile("c", Map.of(), 0, false, Map.of()),
        new SetTransaction("a", 0, OptionalLong.empty()),
        new DomainMetadata("d", "", false),
        new CheckpointMetadata(0, Map.of()),
        new Sidecar("s", 0, 0, Map.of()));
  }

  @Test
  void everyActionKindRoundTrips() {
    List<Action> all = new ArrayList<>(richActions());
    all.addAll(minimalActions());
    assertEquals(ActionType.all(), Set.copyOf(all.stream().map(Action::type).toList()));
    for (Action a : all) {
      String json = ActionWriter.toJson(a);
      assertEquals(a, parseOne(json), json);
      assertEquals(json, ActionWriter.toJson(parseOne(json)));
    }
  }

  @Test
  void commitBytesAreNewlineTerminatedLines() {
    List<Action> actions = richActions();
    byte[] bytes = ActionWriter.toCommitBytes(actions);
    String text = new String(bytes, UTF_8);
    StringBuilder expected = new StringBuilder();
    for (Action a : actions) {
      expected.append(ActionWriter.toJson(a)).append('\n');
    }
    assertEquals(expected.toString(), text);
    List<Action> back = new ArrayList<>();
    ActionParser.parse(bytes, "t", "f", ActionType.all(), back::add);
    assertEquals(actions, back);
    assertEquals("", new String(ActionWriter.toCommitBytes(List.of()), UTF_8));
  }

  @Test
  void addIsWrittenLikeSpark() {
    assertEquals("{\"add\":{\"path\":\"date=2017-12-10/part-000.parquet\","
            + "\"partitionValues\":{\"date\":\"2017-12-10\",\"region\":null},\"size\":841454,"
            + "\"modificationTime\":1512909768000,\"dataChange\":true,\"stats\":\"{}\","
            + "\"tags\":{\"k\":\"v\"},\"deletionVector\":{\"storageType\":\"u\","
            + "\"pathOrInlineDv\":\"ab^-aqEH.-t@S}K{vb[*k^\",\"offset\":4,\"sizeInBytes\":40,"
            + "\"cardinality\":6},\"baseRowId\":4071,\"defaultRowCommitVersion\":41,"
            + "\"clusteringProvider\":\"liquid\"}}",
        ActionWriter.toJson(new AddFile("date=2017-12-10/part-000.parquet",
            map("date", "2017-12-10", "region", null), 841454, 1512909768000L, true,
            Optional.of("{}"), map("k", "v"), Optional.of(DV), OptionalLong.of(4071),
            OptionalLong.of(41), Optional.of("liquid"))));
    assertEquals("{\"add\":{\"path\":\"a\",\"partitionValues\":{},\"size\":1,"
            + "\"modificationTime\":2,\"dataChange\":false}}",
        ActionWriter.toJson(new AddFile("a", Map.of(), 1, 2, false, Optional.empty(), Map.of(),
            Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty())));
  }

  @Test
  void metadataAndRemoveKeyOrder() {
    assertEquals("{\"metaData\":{\"id\":\"x\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
            + "\"schemaString\":\"{}\",\"partitionColumns\":[\"p\"],\"configuration\":{\"a\":\"b\"},"
            + "\"createdTime\":5}}",
        ActionWriter.toJson(new Metadata("x", Optional.empty(), Optional.empty(), Format.parquet(),
            "{}", List.of("p"), OptionalLong.of(5), map("a", "b"))));
    assertEquals("{\"remove\":{\"path\":\"a\",\"deletionTimestamp\":3,\"dataChange\":true,"
            + "\"extendedFileMetadata\":true,\"partitionValues\":{},\"size\":4}}",
        ActionWriter.toJson(new RemoveFile("a", OptionalLong.of(3), true, Optional.of(true),
            Optional.of(Map.of()), OptionalLong.of(4), Optional.empty(), Map.of(),
            Optional.empty(), OptionalLong.empty(), OptionalLong.empty())));
  }

  @Test
  void featureListsOnlyWithTableFeatureVersions() {
    // "Protocol Evolution": readerFeatures exist only at reader version 3, writerFeatures at 7.
    assertEquals("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}",
        ActionWriter.toJson(new Protocol(1, 2, Set.of("x"), Set.of("y"))));
    assertEquals("{\"protocol\":{\"minReaderVersion\":2,\"minWriterVersion\":7,"
            + "\"writerFeatures\":[\"columnMapping\",\"identityColumns\"]}}",
        ActionWriter.toJson(new Protocol(2, 7, Set.of(), Set.of("identityColumns", "columnMapping"))));
    assertEquals("{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
            + "\"readerFeatures\":[],\"writerFeatures\":[]}}",
        ActionWriter.toJson(new Protocol(3, 7)));
  }

  @Test
  void commitInfoIsWrittenFromItsJson() {
    String json = "{\"timestamp\":1,\"zz\":[1e3,-0],\"operationParameters\":{\"a\":true}}";
    Action c = parseOne("{\"commitInfo\":" + json + "}");
    assertEquals("{\"commitInfo\":" + json + "}", ActionWriter.toJson(c));
  }

  @Test
  void nonAsciiIsWrittenAsUtf8() {
    byte[] bytes = ActionWriter.toCommitBytes(List.of(
        new SetTransaction("ü日", 1, OptionalLong.empty())));
    assertEquals("{\"txn\":{\"appId\":\"ü日\",\"version\":1}}\n", new String(bytes, UTF_8));
  }
}
