package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request economy: what reading a table on S3 costs, counted request by request. */
class S3RequestCountTest {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  private static final StructType SCHEMA = new StructType(List.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("a", PrimitiveType.STRING, true),
      new StructField("b", PrimitiveType.STRING, true)));

  private static final Pattern RANGE = Pattern.compile(" bytes=(\\d+)-(\\d+)$");

  private static List<Map<String, Object>> rows(long from, long to) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      // Random text, so that column chunks keep their size after compression.
      rows.add(Map.of("id", i, "a", UUID.randomUUID().toString(), "b", UUID.randomUUID().toString()));
    }
    return rows;
  }

  /** The calls without byte ranges, sorted (reads may run in parallel). */
  private static List<String> withoutRanges(RequestCounter counter) {
    return counter.calls().stream().map(c -> RANGE.matcher(c).replaceFirst("")).sorted().toList();
  }

  private static long rows(DeltaTable t, String... columns) {
    long n = 0;
    try (CloseableIterator<Row> it = t.snapshot().scan().select(columns).rows()) {
      for (; it.hasNext(); it.next()) {
        n++;
      }
    }
    return n;
  }

  /**
   * With a valid {@code _last_checkpoint}: one GET for it, one LIST from the checkpoint's version
   * (older log files are not even listed), one GET for the small checkpoint, one per newer commit.
   */
  @Test
  void openingFromACheckpointReadsOnlyWhatFollowsIt() throws Exception {
    URI root = S3.root(S3.createBucket(), "events/");
    try (DeltaTable t = DeltaTable.create(root.toString(), SCHEMA, List.of(), Map.of(), S3.options())) {
      for (int i = 0; i < 4; i++) {
        t.newTransaction().append(rows(i * 10, i * 10 + 10)).commit();
      }
      assertEquals(4, t.checkpoint());
      for (int i = 4; i < 7; i++) {
        t.newTransaction().append(rows(i * 10, i * 10 + 10)).commit();
      }
    }
    RequestCounter counter = new RequestCounter();
    try (S3Storage storage = S3.storage(S3.options(), counter);
        DeltaTable t = DeltaTable.open(root.toString(), root, storage)) {
      assertEquals(7, t.version());
      String log = "events/_delta_log/";
      assertEquals(List.of(
              "GetObject " + log + "00000000000000000004.checkpoint.parquet",
              "GetObject " + log + "00000000000000000005.json",
              "GetObject " + log + "00000000000000000006.json",
              "GetObject " + log + "00000000000000000007.json",
              "GetObject " + log + "_last_checkpoint",
              "ListObjectsV2 " + log + " after " + log + "00000000000000000003" + Character.toString(0x10FFFF)),
          withoutRanges(counter));
      // 4.checkpoint.parquet, 4.crc, 4.json, 5-7 .crc and .json, _last_checkpoint
      assertEquals(10, counter.listedKeys(), "nothing before the checkpoint is listed");
    }
  }

  /**
   * A Parquet read costs one GET for the footer (the read-ahead window at the end holds both the
   * footer length and the footer) and one per run of adjacent column chunks it needs.
   */
  @Test
  void parquetReadsFetchTheFooterOnceAndThenOnlyTheChunksNeeded() throws Exception {
    URI root = S3.root(S3.createBucket(), "wide/");
    try (DeltaTable t = DeltaTable.create(root.toString(), SCHEMA, List.of(), Map.of(), S3.options())) {
      t.newTransaction().append(rows(0, 100_000)).commit();
    }
    RequestCounter counter = new RequestCounter();
    try (S3Storage storage = S3.storage(S3.options(), counter);
        DeltaTable t = DeltaTable.open(root.toString(), root, storage)) {
      FileEntry file = storage.listFrom(root).next();
      assertTrue(file.name().endsWith(".parquet") && file.size() > 4 * S3SeekableInput.READ_AHEAD, file.toString());
      String log = "wide/_delta_log/";
      for (String[] columns : new String[][] {{"id"}, {"b"}, {"id", "b"}, {"id", "a", "b"}}) {
        counter.reset();
        assertEquals(100_000, rows(t, columns));
        List<String> dataCalls = new ArrayList<>();
        List<String> logCalls = new ArrayList<>();
        for (String call : counter.calls()) {
          (call.contains(log) ? logCalls : dataCalls).add(call);
        }
        // The snapshot keeps no file list: each scan replays the commits after the checkpoint (no
        // checkpoint here: both), each read whole.
        assertEquals(List.of("GetObject " + log + "00000000000000000000.json", "GetObject " + log + "00000000000000000001.json"),
            logCalls.stream().sorted().toList());
        long bytes = 0;
        for (String call : dataCalls) {
          Matcher m = RANGE.matcher(call);
          assertTrue(m.find(), "every read of the data file is ranged: " + call);
          bytes += Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1;
        }
        // id and b are two runs (a lies between them); id, a and b are one
        int expectedGets = columns.length == 2 ? 3 : 2;
        assertEquals(expectedGets, dataCalls.size(), List.of(columns) + ": " + dataCalls);
        assertTrue(dataCalls.stream().allMatch(c -> c.startsWith("GetObject ")), "no HEAD, no LIST: " + dataCalls);
        if (columns.length == 1 && columns[0].equals("id")) {
          assertTrue(bytes < file.size() / 5, "only the id chunk and the footer: " + bytes + " of " + file.size());
        }
      }
    }
  }
}
