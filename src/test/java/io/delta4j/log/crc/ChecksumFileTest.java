package io.delta4j.log.crc;

import static io.delta4j.log.crc.ChecksumFixtures.add;
import static io.delta4j.log.crc.ChecksumFixtures.commitInfo;
import static io.delta4j.log.crc.ChecksumFixtures.dv;
import static io.delta4j.log.crc.ChecksumFixtures.featureProtocol;
import static io.delta4j.log.crc.ChecksumFixtures.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.CorruptLogException;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The JSON form: writer and reader agree, keys come in Delta's order, bad files are named. */
class ChecksumFileTest {
  private static final String FILE = "_delta_log/00000000000000000003.crc";

  /** A checksum with every field. */
  static VersionChecksum rich() {
    return VersionChecksums.firstCommit(List.of(
        commitInfo("CREATE TABLE", "7d0b8a5e-55f1-4a8e-9d11-6e0c7b7c2a11", 1_700_000_000_123L),
        featureProtocol(),
        metadata(Map.of("delta.enableInCommitTimestamps", "true", "delta.enableDeletionVectors", "true")),
        add("a", 100), add("b", 5_000_000, Optional.of(dv("b", 7))),
        new SetTransaction("app", 3, OptionalLong.of(5)), new SetTransaction("job", 9, OptionalLong.empty()),
        new DomainMetadata("delta.rowTracking", "{\"rowIdHighWaterMark\":9}", false))).orElseThrow();
  }

  private static VersionChecksum parse(String json) {
    return VersionChecksums.parse(json.getBytes(StandardCharsets.UTF_8), "t", FILE);
  }

  @Test
  void writerAndReaderRoundTrip() {
    VersionChecksum c = rich();
    assertEquals(c, VersionChecksums.parse(VersionChecksums.toJson(c), "t", FILE));
  }

  /** The order of Delta 4.x (crc-full of kernel-rs, cdc_ict_table of delta-rs), less allFiles. */
  @Test
  void keysComeInDeltasOrder() throws IOException {
    List<String> keys = new ArrayList<>();
    try (JsonParser p = Json.FACTORY.createParser(VersionChecksums.toJson(rich()))) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        keys.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
    }
    assertEquals(List.of("txnId", "tableSizeBytes", "numFiles", "numDeletedRecordsOpt", "numDeletionVectorsOpt",
        "numMetadata", "numProtocol", "inCommitTimestampOpt", "setTransactions", "domainMetadata", "metadata",
        "protocol", "fileSizeHistogram", "deletedRecordCountsHistogramOpt"), keys);
  }

  @Test
  void writesTheLogsFormOfActions() {
    String json = new String(VersionChecksums.toJson(rich()), StandardCharsets.UTF_8);
    assertContains(json, "\"setTransactions\":[{\"appId\":\"app\",\"version\":3,\"lastUpdated\":5},"
        + "{\"appId\":\"job\",\"version\":9}]");
    assertContains(json, "\"domainMetadata\":[{\"domain\":\"delta.rowTracking\","
        + "\"configuration\":\"{\\\"rowIdHighWaterMark\\\":9}\",\"removed\":false}]");
    assertContains(json, "\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
        + "\"readerFeatures\":[\"deletionVectors\"],");
    assertContains(json, "\"deletedRecordCountsHistogramOpt\":{\"deletedRecordCounts\":[1,1,0,0,0,0,0,0,0,0]}");
  }

  /** Older Delta names the histogram histogramOpt and writes allFiles; old engines write nulls. */
  @Test
  void readsOlderFormsAndSkipsWhatItDoesNotModel() {
    VersionChecksum c = parse("{\"txnId\":null,\"tableSizeBytes\":10,\"numFiles\":1,\"numMetadata\":1,"
        + "\"numProtocol\":1,\"numTransactions\":0,\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2},"
        + "\"metadata\":{\"id\":\"x\",\"format\":{\"provider\":\"parquet\",\"options\":{}},\"schemaString\":\"s\","
        + "\"partitionColumns\":[],\"configuration\":{}},\"histogramOpt\":{\"sortedBinBoundaries\":[0,100],"
        + "\"fileCounts\":[1,0],\"totalBytes\":[10,0]},\"allFiles\":[{\"path\":\"a\",\"size\":10}],\"future\":{}}");
    assertEquals(Optional.empty(), c.txnId());
    assertEquals(10, c.tableSizeBytes());
    assertEquals(Optional.of(new FileSizeHistogram(List.of(0L, 100L), List.of(1L, 0L), List.of(10L, 0L))),
        c.fileSizeHistogram());
    assertEquals(Optional.empty(), c.setTransactions());
  }

  @Test
  void namesTheFileAndTheProblem() {
    String valid = new String(VersionChecksums.toJson(rich()), StandardCharsets.UTF_8);
    assertProblem("it is not a valid version checksum: required field \"metadata\" is missing",
        "{\"tableSizeBytes\":1,\"numFiles\":1,\"numMetadata\":1,\"numProtocol\":1,\"numTransactions\":0}");
    assertProblem("it is not a valid version checksum: field \"numFiles\" must be a 64-bit integer, was x",
        valid.replace("\"numFiles\":2", "\"numFiles\":\"x\""));
    assertProblem("it is not a valid version checksum: action \"metaData\" is missing required field \"id\"",
        valid.replace("\"id\":\"9a0c8f0e-6a41-4d4b-9c1e-0f5f3c1b2d7e\",", ""));
    assertProblem("it is not a valid version checksum: domainMetadata must not hold tombstones (removed: true)",
        valid.replace("\"removed\":false", "\"removed\":true"));
    assertProblem("it is not a valid version checksum: fileCounts and totalBytes must have one entry per bin (95),"
        + " have 96 and 95", valid.replace("\"fileCounts\":[", "\"fileCounts\":[0,"));
    assertProblem("it is not a valid version checksum: there is content after the JSON object", valid + "{}");
    assertProblem("it is not valid JSON (Unexpected end-of-input", valid.substring(0, valid.length() / 2));
  }

  private static void assertProblem(String problem, String json) {
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> parse(json));
    assertContains(e.getMessage(), "t: Cannot read " + FILE + ": " + problem);
    assertEquals(Optional.of(FILE), e.file());
  }

  private static void assertContains(String text, String part) {
    if (!text.contains(part)) {
      throw new AssertionError("expected <" + part + "> in <" + text + ">");
    }
  }
}
