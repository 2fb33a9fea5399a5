package io.delta4j.scan;

import io.delta4j.log.ActionWriter;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A generated Delta table of {@code (id long, payload string, value double)}: {@code files} data
 * files of {@code rowsPerFile} rows each, file {@code f} holding ids {@code f * rowsPerFile} up to
 * {@code (f + 1) * rowsPerFile - 1} in order, and one hand-written commit adding them with
 * statistics. Every value is a function of the id ({@link #payload}, {@link #value}), so a reader
 * can check rows and sums without keeping what was written. Values are multiples of 1/8 below 128,
 * so their sums are exact in a double whatever the order of addition.
 *
 * <p>Payloads are 40 characters drawn from 64, about 6 random bits each, so Snappy cannot shrink
 * them much and the files stay about as large as their uncompressed data.
 */
final class GeneratedTable {
  static final String SCHEMA =
      "{\"type\":\"struct\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
          + "{\"name\":\"payload\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
          + "{\"name\":\"value\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}}]}";
  static final MessageType PARQUET_SCHEMA = MessageTypeParser.parseMessageType(
      "message spark_schema { optional int64 id; optional binary payload (STRING); optional double value; }");
  static final int PAYLOAD_LENGTH = 40;
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

  /** What was written. {@code rawBytes}: the values' bytes (8 + 8 + 4 + 40 per row). */
  record Written(
      Path root, int files, long rowsPerFile, long rows, long diskBytes, long rawBytes, long uncompressedBytes,
      int rowGroups, int minRowGroupsPerFile) {}

  private GeneratedTable() {}

  /** The payload of row {@code id}: deterministic, random-looking. */
  static byte[] payload(long id) {
    SplittableRandom random = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
    byte[] out = new byte[PAYLOAD_LENGTH];
    long bits = 0;
    for (int i = 0; i < PAYLOAD_LENGTH; i++) {
      if (i % 10 == 0) {
        bits = random.nextLong();
      }
      out[i] = ALPHABET[(int) (bits & 63)];
      bits >>>= 6;
    }
    return out;
  }

  /** The value of row {@code id}: a multiple of 1/8 in [0, 128). */
  static double value(long id) {
    return ((id * 2654435761L) >>> 7 & 1023) / 8.0;
  }

  /** The sum of {@link #value} over ids {@code from} (inclusive) to {@code to} (exclusive). */
  static double valueSum(long from, long to) {
    double sum = 0;
    for (long id = from; id < to; id++) {
      sum += value(id);
    }
    return sum;
  }

  /** The sum of ids {@code from} (inclusive) to {@code to} (exclusive). */
  static long idSum(long from, long to) {
    return (from + to - 1) * (to - from) / 2;
  }

  /**
   * Writes the table under {@code root}, files written {@code threads} at a time, Parquet row
   * groups of about {@code rowGroupBytes}.
   */
  static Written write(Path root, int files, long rowsPerFile, long rowGroupBytes, int threads) throws IOException {
    Path log = Files.createDirectories(root.resolve(LogFileNames.LOG_DIR));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<AddFile>> adds = new ArrayList<>();
    try {
      for (int f = 0; f < files; f++) {
        int file = f;
        adds.add(pool.submit(() -> writeFile(root, file, rowsPerFile, rowGroupBytes)));
      }
      List<Action> actions = new ArrayList<>();
      actions.add(new Protocol(1, 2));
      actions.add(new Metadata("generated-" + files + "x" + rowsPerFile, Optional.empty(), Optional.empty(),
          Format.parquet(), SCHEMA, List.of(), OptionalLong.of(0), Map.of()));
      for (Future<AddFile> add : adds) {
        actions.add(add.get());
      }
      Files.write(log.resolve(LogFileNames.commit(0)), ActionWriter.toCommitBytes(actions));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    long disk = 0;
    long uncompressed = 0;
    int groups = 0;
    int minGroups = Integer.MAX_VALUE;
    for (int f = 0; f < files; f++) {
      Path file = root.resolve(fileName(f));
      disk += Files.size(file);
      try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
        List<BlockMetaData> blocks = reader.getFooter().getBlocks();
        for (BlockMetaData b : blocks) {
          uncompressed += b.getTotalByteSize();
        }
        groups += blocks.size();
        minGroups = Math.min(minGroups, blocks.size());
      }
    }
    long rows = files * rowsPerFile;
    return new Written(root, files, rowsPerFile, rows, disk, rows * (8 + 8 + 4 + PAYLOAD_LENGTH), uncompressed,
        groups, minGroups);
  }

  static String fileName(int file) {
    return String.format(Locale.ROOT, "part-%05d-generated.snappy.parquet", file);
  }

  private static AddFile writeFile(Path root, int file, long rows, long rowGroupBytes) {
    Path path = root.resolve(fileName(file));
    long first = file * rows;
    long last = first + rows - 1;
    double minValue = Double.MAX_VALUE;
    double maxValue = -Double.MAX_VALUE;
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(path))
            .withConf(new PlainParquetConfiguration())
            .withType(PARQUET_SCHEMA)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(rowGroupBytes)
            // Random payloads overflow any dictionary; trying one per row group only costs time.
            .withDictionaryEncoding("payload", false)
            .build()) {
      for (long id = first; id <= last; id++) {
        double value = value(id);
        minValue = Math.min(minValue, value);
        maxValue = Math.max(maxValue, value);
        Group group = new SimpleGroup(PARQUET_SCHEMA);
        group.append("id", id);
        group.append("payload", Binary.fromConstantByteArray(payload(id)));
        group.append("value", value);
        writer.write(group);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String stats = String.format(Locale.ROOT,
        "{\"numRecords\":%d,\"minValues\":{\"id\":%d,\"value\":%s},\"maxValues\":{\"id\":%d,\"value\":%s},"
            + "\"nullCount\":{\"id\":0,\"payload\":0,\"value\":0}}",
        rows, first, Double.toString(minValue), last, Double.toString(maxValue));
    try {
      return new AddFile(fileName(file), Map.of(), Files.size(path), 1_700_000_000_000L, true, Optional.of(stats),
          Map.of(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
