package io.delta4j.log.checkpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.SharedTables;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.Sidecar;
import io.delta4j.log.checkpoint.LastCheckpoint.V2Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code _last_checkpoint}: PROTOCOL.md "Last Checkpoint File Schema" and "JSON checksum". */
class LastCheckpointTest {

  static Optional<LastCheckpoint> parse(String json) {
    return LastCheckpoint.parse(json.getBytes(UTF_8));
  }

  static String md5(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(UTF_8)));
  }

  // ---- "JSON checksum"

  @Test
  void specTestVector() throws IOException {
    byte[] json = ("{\"k0\":\"'v 0'\", \"checksum\": \"adsaskfljadfkjadfkj\", \"k1\":{\"k2\": 2, "
        + "\"k3\": [\"v3\", [1, 2], {\"k4\": \"v4\", \"k5\": [\"v5\", \"v6\", \"v7\"]}]}}")
        .getBytes(UTF_8);
    assertEquals("\"k0\"=\"%27v%200%27\",\"k1\"+\"k2\"=2,\"k1\"+\"k3\"+0=\"v3\","
            + "\"k1\"+\"k3\"+1+0=1,\"k1\"+\"k3\"+1+1=2,\"k1\"+\"k3\"+2+\"k4\"=\"v4\","
            + "\"k1\"+\"k3\"+2+\"k5\"+0=\"v5\",\"k1\"+\"k3\"+2+\"k5\"+1=\"v6\","
            + "\"k1\"+\"k3\"+2+\"k5\"+2=\"v7\"",
        LastCheckpointChecksum.canonicalize(json));
    assertEquals("6a92d155a59bf2eecbd4b4ec7fd1f875", LastCheckpointChecksum.compute(json));
  }

  @Test
  void specCanonicalizationExamples() throws IOException {
    assertEquals("\"a\"=10,\"b\"+\"x\"=\"https%3A%2F%2Fdelta.io\",\"b\"+\"y\"=null",
        canonical("{\"a\": 10, \"b\": {\"y\": null, \"x\": \"https://delta.io\"} }"));
    assertEquals("\"k\"+0=null,\"k\"+1=\"hi%20ho\",\"k\"+2=2.71",
        canonical("{\"k\":[null, \"hi ho\", 2.71]}"));
    assertEquals("\"k1\"=\"v1\",\"k3\"=23",
        canonical("{\"k1\": \"v1\", \"checksum\": \"<anything>\", \"k3\": 23}"));
    // Only the top-level checksum is left out; literals and numbers stay as written.
    assertEquals("\"a\"+\"checksum\"=true,\"b\"=1.50E3,\"c\"=false",
        canonical("{\"c\":false,\"b\":1.50E3,\"a\":{\"checksum\":true,\"e\":{},\"f\":[]}}"));
  }

  @Test
  void pathsSortByUtf8Bytes() throws IOException {
    // After "a the next byte decides: '"' (0x22) < '%' (0x25) < 'b' (0x62).
    assertEquals("\"a\"+\"b\"=2,\"a%20b\"=4,\"ab\"=3",
        canonical("{\"ab\":3,\"a b\":4,\"a\":{\"b\":2}}"));
  }

  @Test
  void urlEncodingIsStrict() {
    assertEquals("az-AZ09._~", LastCheckpointChecksum.urlEncode("az-AZ09._~"));
    assertEquals("%3E%20%2B%25%2F%22%27%0A", LastCheckpointChecksum.urlEncode("> +%/\"'\n"));
    assertEquals("%C3%BC%E6%97%A5", LastCheckpointChecksum.urlEncode("ü日"));
  }

  private static String canonical(String json) throws IOException {
    return LastCheckpointChecksum.canonicalize(json.getBytes(UTF_8));
  }

  // ---- reading

  @Test
  void requiredFieldsOnly() {
    assertEquals(Optional.of(new LastCheckpoint(10, 13)), parse("{\"version\":10,\"size\":13}"));
    assertEquals(Optional.of(new LastCheckpoint(0, 0)), parse(" {\"size\":0, \"version\":0}\n"));
  }

  @Test
  void nullAndUnknownFieldsAreIgnored() {
    // delta-rs wrote "parts":null and the snake_case "size_in_bytes" (tables issue_1374 and
    // table_failed_last_checkpoint_update).
    assertEquals(Optional.of(new LastCheckpoint(1, 20622)),
        parse("{\"parts\":null,\"size\":20622,\"version\":1}"));
    assertEquals(Optional.of(new LastCheckpoint(1, 6)),
        parse("{\"size\":6,\"size_in_bytes\":23521,\"version\":1,\"future\":{\"a\":[1]}}"));
  }

  @Test
  void allFields() throws Exception {
    String body = "{\"version\":5,\"size\":7,\"parts\":3,\"sizeInBytes\":58606,\"numOfAddFiles\":5,"
        + "\"checkpointSchema\":{\"type\":\"struct\",\"fields\":[]},\"tags\":{\"k\":\"v\"}";
    // The empty "fields" array contributes no pair.
    String checksum = md5("\"checkpointSchema\"+\"type\"=\"struct\",\"numOfAddFiles\"=5,"
        + "\"parts\"=3,\"size\"=7,\"sizeInBytes\"=58606,\"tags\"+\"k\"=\"v\",\"version\"=5");
    LastCheckpoint lc = parse(body + ",\"checksum\":\"" + checksum + "\"}").orElseThrow();
    assertEquals(new LastCheckpoint(5, 7, OptionalInt.of(3), OptionalLong.of(58606),
        OptionalLong.of(5), Optional.of("{\"type\":\"struct\",\"fields\":[]}"), Map.of("k", "v"),
        Optional.empty(), Optional.of(checksum)), lc);
  }

  @Test
  void embeddedV2Checkpoint() {
    String json = "{\"version\":2,\"size\":9,\"v2Checkpoint\":{\"path\":"
        + "\"00000000000000000002.checkpoint.6374b053-df23-479b-b2cf-c9c550132b49.json\","
        + "\"sizeInBytes\":891,\"modificationTime\":1714496115810,\"nonFileActions\":["
        + "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
        + "\"readerFeatures\":[\"v2Checkpoint\"],\"writerFeatures\":[\"v2Checkpoint\"]}},"
        + "{\"metaData\":{\"id\":\"8a\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
        + "\"schemaString\":\"{}\",\"partitionColumns\":[],\"configuration\":{}}},"
        + "{\"checkpointMetadata\":{\"version\":2}}],"
        + "\"sidecarFiles\":[{\"path\":\"a.parquet\",\"sizeInBytes\":1,\"modificationTime\":2},"
        + "{\"path\":\"b.parquet\",\"sizeInBytes\":3,\"modificationTime\":4,\"tags\":{\"t\":\"u\"}}]}}";
    V2Checkpoint v2 = parse(json).orElseThrow().v2Checkpoint().orElseThrow();
    assertEquals("00000000000000000002.checkpoint.6374b053-df23-479b-b2cf-c9c550132b49.json",
        v2.path());
    assertEquals(891, v2.sizeInBytes());
    assertEquals(1714496115810L, v2.modificationTime());
    assertEquals(List.of(ActionType.PROTOCOL, ActionType.METADATA, ActionType.CHECKPOINT_METADATA),
        v2.nonFileActions().orElseThrow().stream().map(Action::type).toList());
    assertEquals(new Protocol(3, 7, Set.of("v2Checkpoint"), Set.of("v2Checkpoint")),
        v2.nonFileActions().get().get(0));
    assertEquals(List.of(new Sidecar("a.parquet", 1, 2, Map.of()),
        new Sidecar("b.parquet", 3, 4, Map.of("t", "u"))), v2.sidecarFiles().orElseThrow());
  }

  @Test
  void unusableContentGivesEmpty() {
    for (String bad : List.of(
        "", " \n", "not json", "[1]", "{\"version\":1}", "{\"size\":1}",
        "{\"version\":\"1\",\"size\":1}", "{\"version\":1.5,\"size\":1}",
        "{\"version\":-1,\"size\":1}", "{\"version\":1,\"size\":1,\"parts\":0}",
        "{\"version\":1,\"size\":1,\"parts\":4294967296}",
        "{\"version\":1,\"size\":99999999999999999999}",
        "{\"version\":1,\"size\":1", "{\"version\":1,\"size\":1} {}",
        "{\"version\":1,\"size\":1,\"version\":2}",
        "{\"version\":1,\"size\":1,\"tags\":{\"a\":\"1\",\"a\":\"2\"}}",
        "{\"version\":1,\"size\":1,\"tags\":{\"a\":1}}",
        "{\"version\":1,\"size\":1,\"checksum\":5}",
        "{\"version\":1,\"size\":1,\"checksum\":\"00000000000000000000000000000000\"}",
        "{\"version\":1,\"size\":1,\"v2Checkpoint\":{\"path\":\"p\"}}",
        "{\"version\":1,\"size\":1,\"v2Checkpoint\":{\"path\":\"p\",\"sizeInBytes\":1,"
            + "\"modificationTime\":1,\"nonFileActions\":[{\"protocol\":{}}]}}")) {
      assertEquals(Optional.empty(), parse(bad), bad);
    }
  }

  @Test
  void aChangedValueInvalidatesTheChecksum() {
    byte[] good = LastCheckpoint.toJson(new LastCheckpoint(10, 13));
    String json = new String(good, UTF_8);
    assertTrue(parse(json).isPresent());
    assertEquals(Optional.empty(), parse(json.replace("\"version\":10", "\"version\":11")));
  }

  // ---- writing

  @Test
  void writesFieldsInOrderWithChecksumLast() throws Exception {
    assertEquals("{\"version\":10,\"size\":13,\"checksum\":\""
            + md5("\"size\"=13,\"version\"=10") + "\"}",
        new String(LastCheckpoint.toJson(new LastCheckpoint(10, 13)), UTF_8));
  }

  @Test
  void writtenFilesReadBack() {
    Metadata metadata = new Metadata("id", Optional.empty(), Optional.empty(), Format.parquet(),
        "{\"type\":\"struct\",\"fields\":[]}", List.of(), OptionalLong.of(1), Map.of("a b", "c/d"));
    LastCheckpoint lc = new LastCheckpoint(7, 12, OptionalInt.of(2), OptionalLong.of(100),
        OptionalLong.of(9), Optional.of("{\"type\":\"struct\",\"fields\":[{\"name\":\"x é\"}]}"),
        Map.of("k", "v w"),
        Optional.of(new V2Checkpoint("00000000000000000007.checkpoint.u.json", 5, 6,
            Optional.of(List.of(new Protocol(3, 7, Set.of("v2Checkpoint"), Set.of("v2Checkpoint")),
                metadata)),
            Optional.of(List.of(new Sidecar("s.parquet", 1, 2, Map.of("t", "1")))))),
        Optional.of("stale checksum is not written"));
    LastCheckpoint back = LastCheckpoint.parse(LastCheckpoint.toJson(lc)).orElseThrow();
    assertTrue(back.checksum().isPresent());
    assertEquals(withChecksum(lc, back.checksum()), back);
  }

  @Test
  void invalidSchemaTextCannotBeWritten() {
    LastCheckpoint lc = new LastCheckpoint(1, 1, OptionalInt.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.of("{\"type\":"), Map.of(), Optional.empty(),
        Optional.empty());
    assertThrows(IllegalArgumentException.class, () -> LastCheckpoint.toJson(lc));
  }

  static LastCheckpoint withChecksum(LastCheckpoint lc, Optional<String> checksum) {
    return new LastCheckpoint(lc.version(), lc.size(), lc.parts(), lc.sizeInBytes(),
        lc.numOfAddFiles(), lc.checkpointSchema(), lc.tags(), lc.v2Checkpoint(), checksum);
  }

  // ---- conformance over the shared tables

  /** Hints that are unusable on purpose: the golden corrupted-last-checkpoint-kernel is empty. */
  private static final Set<String> EXPECTED_UNUSABLE = Set.of(
      "golden/delta-golden/corrupted-last-checkpoint-kernel/_delta_log/_last_checkpoint",
      "kernel-rs-data/golden_data/corrupted-last-checkpoint-kernel/delta/_delta_log/_last_checkpoint");

  @Test
  void everySharedLastCheckpointReadsAndRewrites() throws IOException {
    Path root = SharedTables.root();
    List<Path> files = SharedTables.files(root,
        p -> p.getFileName().toString().equals("_last_checkpoint"));
    Map<String, Boolean> unusable = new TreeMap<>();
    int withChecksum = 0;
    int withV2 = 0;
    for (Path file : files) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      byte[] content = Files.readAllBytes(file);
      Optional<LastCheckpoint> parsed = LastCheckpoint.parse(content, relative);
      if (parsed.isEmpty()) {
        unusable.put(relative, true);
        continue;
      }
      LastCheckpoint lc = parsed.get();
      withChecksum += lc.checksum().isPresent() ? 1 : 0; // present means it matched
      withV2 += lc.v2Checkpoint().isPresent() ? 1 : 0;
      LastCheckpoint again = LastCheckpoint.parse(LastCheckpoint.toJson(lc)).orElseThrow(
          () -> new AssertionError(relative + " does not read back after writing"));
      assertEquals(withChecksum(lc, again.checksum()), again, relative);
    }
    System.out.printf("LastCheckpointTest: %d _last_checkpoint files, %d with a valid checksum,"
        + " %d with an embedded V2 checkpoint, %d unusable%n", files.size(), withChecksum, withV2,
        unusable.size());
    assertEquals(EXPECTED_UNUSABLE, unusable.keySet());
    assertTrue(withChecksum > 40 && withV2 > 5, "expected the full corpus");
  }
}
