package io.delta4j.log;

import static io.delta4j.log.ActionParserTest.error;
import static io.delta4j.log.ActionParserTest.lineError;
import static io.delta4j.log.ActionParserTest.map;
import static io.delta4j.log.ActionParserTest.parseOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.log.action.CommitInfo;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code commitInfo} (PROTOCOL.md, "Commit Provenance Information"): free-form, kept whole. */
class CommitInfoReaderTest {

  @Test
  void knownFieldsAndTheWholeObject() {
    String json = "{\"timestamp\":1540415658000,\"inCommitTimestamp\":1540415658001,"
        + "\"userId\":\"user_0\",\"operation\":\"WRITE\",\"operationParameters\":{\"mode\":\"Append\","
        + "\"partitionBy\":\"[]\"},\"job\":{\"jobId\":\"job_id_0\",\"runs\":[1,2.50,true]},"
        + "\"readVersion\":-1,\"isolationLevel\":\"Serializable\",\"isBlindAppend\":true,"
        + "\"operationMetrics\":{\"numFiles\":\"1\"},\"engineInfo\":\"Apache-Spark/3.5.3\","
        + "\"txnId\":\"bda32d72\",\"userMetadata\":\"foo\",\"tags\":{\"k\":\"v\"}}";
    CommitInfo c = (CommitInfo) parseOne("{\"commitInfo\":" + json + "}");
    assertEquals(new CommitInfo(OptionalLong.of(1540415658000L), OptionalLong.of(1540415658001L),
        Optional.of("WRITE"), map("mode", "Append", "partitionBy", "[]"), OptionalLong.of(-1),
        Optional.of("Serializable"), Optional.of(true), map("numFiles", "1"),
        Optional.of("Apache-Spark/3.5.3"), Optional.of("bda32d72"), Optional.of("foo"), json), c);
  }

  @Test
  void jsonIsCompactedWithNumbersAsWritten() {
    CommitInfo c = (CommitInfo) parseOne(
        "{ \"commitInfo\" : { \"a\" : [ 1.50 , 1e3, -0, 12345678901234567890123 ] ,"
            + " \"b\" : { } , \"s\" : \"\\u00e9\\n\" } }");
    assertEquals("{\"a\":[1.50,1e3,-0,12345678901234567890123],\"b\":{},\"s\":\"é\\n\"}",
        c.json());
  }

  @Test
  void arbitraryParameterTypesKeepTheirJsonText() {
    // Golden commit-info-containing-arbitrary-operationParams-types.
    CommitInfo c = (CommitInfo) parseOne("{\"commitInfo\":{\"operation\":\"OPTIMIZE\","
        + "\"operationParameters\":{\"predicate\":\"[]\",\"auto\":false,\"description\":null,"
        + "\"n\":1.0,\"nested\":{\"a\":[1, \"x\"]},\"list\":[]},"
        + "\"operationMetrics\":{\"numFiles\":2}}}");
    assertEquals(map("predicate", "[]", "auto", "false", "description", null, "n", "1.0",
        "nested", "{\"a\":[1,\"x\"]}", "list", "[]"), c.operationParameters());
    assertEquals(Map.of("numFiles", "2"), c.operationMetrics());
    assertEquals("{\"operation\":\"OPTIMIZE\",\"operationParameters\":{\"predicate\":\"[]\","
        + "\"auto\":false,\"description\":null,\"n\":1.0,\"nested\":{\"a\":[1,\"x\"]},\"list\":[]},"
        + "\"operationMetrics\":{\"numFiles\":2}}", c.json());
  }

  @Test
  void unexpectedTypesOfConventionalFieldsAreLeftOut() {
    String json = "{\"timestamp\":\"yesterday\",\"operation\":{\"name\":\"X\"},\"readVersion\":1.5,"
        + "\"isBlindAppend\":\"yes\",\"operationParameters\":\"none\",\"engineInfo\":7,"
        + "\"txnId\":null}";
    CommitInfo c = (CommitInfo) parseOne("{\"commitInfo\":" + json + "}");
    assertEquals(new CommitInfo(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
        Map.of(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), json), c);
  }

  @Test
  void emptyCommitInfo() {
    CommitInfo c = (CommitInfo) parseOne("{\"commitInfo\":{}}");
    assertEquals("{}", c.json());
    assertEquals(OptionalLong.empty(), c.timestamp());
  }

  @Test
  void inCommitTimestampIsCheckedStrictly() {
    // "In-Commit Timestamps" give this field a protocol meaning; guessing would move commit times.
    assertEquals(lineError(1, "field \"commitInfo.inCommitTimestamp\" must be a number, was \"1\""),
        error("{\"commitInfo\":{\"inCommitTimestamp\":\"1\"}}"));
    assertEquals(lineError(1, "field \"commitInfo\" must be an object, was 1"),
        error("{\"commitInfo\":1}"));
    assertEquals(OptionalLong.empty(),
        ((CommitInfo) parseOne("{\"commitInfo\":{\"inCommitTimestamp\":null}}")).inCommitTimestamp());
  }
}
