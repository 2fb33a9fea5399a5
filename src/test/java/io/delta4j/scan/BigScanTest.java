package io.delta4j.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.ScanFile;
import io.delta4j.Snapshot;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Rows stream one row group at a time; a scan of a table larger than the heap works" (issue 4,
 * item 7): a child JVM with a small heap scans a table whose data is several times that heap.
 */
class BigScanTest {
  /** The child's heap. */
  static final String CHILD_HEAP = "-Xmx48m";
  static final long HEAP_BYTES = 48L << 20;
  static final int FILES = 8;
  static final long ROWS_PER_FILE = 1_500_000;
  static final long ROW_GROUP_BYTES = 4L << 20;

  @TempDir Path dir;

  @Test
  void scanOfATableLargerThanTheHeapStreamsInASmallHeap() throws Exception {
    long t0 = System.nanoTime();
    GeneratedTable.Written table = GeneratedTable.write(dir.resolve("big"), FILES, ROWS_PER_FILE, ROW_GROUP_BYTES, 2);
    long written = System.nanoTime();
    // Both columns the scan returns (16 bytes a row) are by themselves more than 3 heaps; the
    // table's data is many more.
    assertTrue(table.rows() * 16 > 3 * HEAP_BYTES, "id and value are " + table.rows() * 16 + " bytes");
    assertTrue(table.uncompressedBytes() > 10 * HEAP_BYTES, "data is " + table.uncompressedBytes() + " bytes");
    assertTrue(table.minRowGroupsPerFile() >= 4, "row groups per file: " + table.minRowGroupsPerFile());

    // From the middle of the first file to a third before the end of the second-to-last one: the
    // last file is skipped by its statistics, the first and second-to-last are filtered row by row.
    long from = ROWS_PER_FILE / 2;
    long to = (FILES - 1) * ROWS_PER_FILE - ROWS_PER_FILE / 3;
    long expectedCount = to - from;
    long expectedIdSum = GeneratedTable.idSum(from, to);
    double expectedValueSum = GeneratedTable.valueSum(from, to);

    Path out = dir.resolve("child.out");
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            CHILD_HEAP, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-cp", classPath(),
            BigScanMain.class.getName(), table.root().toString(), Long.toString(from), Long.toString(to))
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly().waitFor();
    }
    long ran = System.nanoTime();
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(exited, "the child did not finish in 120 s:\n" + output);
    assertEquals(0, child.exitValue(), "the child failed:\n" + output);

    Map<String, String> result = fields(output, "result");
    assertEquals(expectedCount, Long.parseLong(result.get("count")), output);
    assertEquals(expectedIdSum, Long.parseLong(result.get("idSum")), output);
    assertEquals(expectedValueSum, Double.parseDouble(result.get("valueSum")), output);
    assertEquals(table.rows(), Long.parseLong(result.get("all")), output);

    Map<String, String> measured = fields(output, "measured");
    System.out.printf(
        "BigScanTest: %d files x %d rows = %d rows, %d row groups (>= %d a file); on disk %d MB, uncompressed"
            + " %d MB (raw values %d MB, id+value %d MB); child heap %s (maxMemory %d MB, heap pools' peaks"
            + " summed %d MB, %s GCs); matched %d rows; write %d ms, child %d ms (scan %s ms, count %s ms)%n",
        table.files(), table.rowsPerFile(), table.rows(), table.rowGroups(), table.minRowGroupsPerFile(),
        table.diskBytes() >> 20, table.uncompressedBytes() >> 20, table.rawBytes() >> 20, (table.rows() * 16) >> 20,
        CHILD_HEAP, Long.parseLong(measured.get("maxHeap")) >> 20,
        Long.parseLong(measured.get("heapPoolPeaksSum")) >> 20, measured.get("gcs"), expectedCount,
        (written - t0) / 1_000_000, (ran - written) / 1_000_000, measured.get("scanMs"), measured.get("countMs"));
  }

  /** The same scan in-process on a small table, checking the rows themselves. */
  @Test
  void filteredScanReturnsExactlyTheMatchingRows() throws Exception {
    int files = 3;
    long rowsPerFile = 20_000;
    GeneratedTable.Written table = GeneratedTable.write(dir.resolve("small"), files, rowsPerFile, 64 << 10, 1);
    assertTrue(table.minRowGroupsPerFile() >= 2, "row groups per file: " + table.minRowGroupsPerFile());
    long from = rowsPerFile / 2;
    long to = (files - 1) * rowsPerFile - rowsPerFile / 3;
    Predicate filter = Predicates.and(Predicates.greaterThanOrEqual("id", from), Predicates.lessThan("id", to));
    Snapshot snapshot = DeltaTable.open(table.root().toString()).snapshot();

    List<ScanFile> scanFiles = snapshot.scan().filter(filter).files();
    assertEquals(files - 1, scanFiles.size(), "the last file is skipped by its statistics");

    long count = 0;
    long idSum = 0;
    double valueSum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long previous = Long.MIN_VALUE;
    try (CloseableIterator<Row> rows = snapshot.scan().select("id", "value", "payload").filter(filter).rows()) {
      while (rows.hasNext()) {
        Row r = rows.next();
        assertEquals(List.of("id", "value", "payload"), r.schema().fieldNames());
        long id = r.getLong(0);
        assertTrue(id >= from && id < to, "id " + id);
        // Within a file, ids come in the order written; a new file starts a new run.
        assertTrue(id == previous + 1 || id == from || id % rowsPerFile == 0, "id " + id + " after " + previous);
        previous = id;
        assertEquals(GeneratedTable.value(id), r.getDouble(1), "value of " + id);
        assertArrayEquals(GeneratedTable.payload(id), r.getString(2).getBytes(StandardCharsets.US_ASCII),
            "payload of " + id);
        min = Math.min(min, id);
        max = Math.max(max, id);
        idSum += id;
        valueSum += r.getDouble("value");
        count++;
      }
    }
    assertEquals(from, min);
    assertEquals(to - 1, max);
    assertEquals(to - from, count);
    assertEquals(GeneratedTable.idSum(from, to), idSum);
    assertEquals(GeneratedTable.valueSum(from, to), valueSum);
    assertEquals(to - from, snapshot.scan().filter(filter).count());
    assertEquals(files * rowsPerFile, snapshot.scan().count());
  }

  /** The test JVM's class path (Surefire's booter sets it to the real one). */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isEmpty() ? surefire : System.getProperty("java.class.path");
  }

  /** The {@code key=value} fields of the output line starting with {@code tag}. */
  private static Map<String, String> fields(String output, String tag) {
    for (String line : output.split("\\R")) {
      if (line.startsWith(tag + " ")) {
        Map<String, String> out = new HashMap<>();
        for (String part : line.substring(tag.length() + 1).split(" ")) {
          int eq = part.indexOf('=');
          out.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return out;
      }
    }
    throw new AssertionError("no \"" + tag + "\" line in the child's output:\n" + output);
  }
}
