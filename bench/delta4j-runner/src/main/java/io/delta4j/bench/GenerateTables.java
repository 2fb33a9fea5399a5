package io.delta4j.bench;

import io.delta4j.log.ActionWriter;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes the synthetic tables with delta4j's own log writer ({@link ActionWriter} commits stored
 * with {@link LocalStorage#putIfAbsent}). Only the log is written: the open workloads never read
 * data files, so the add actions name files that do not exist (with realistic paths, sizes and
 * statistics). The output is deterministic (seeded by version and file index).
 *
 * <pre>
 * GenerateTables name  ID [--quick]                     prints the table's directory name
 * GenerateTables head  ID OUT_ROOT [--quick]            versions 0 .. the checkpoint version
 * GenerateTables tail  ID OUT_ROOT [--quick] --checkpoint-writer W
 *                                                       the commits after the checkpoint, then
 *                                                       OUT_ROOT/NAME.properties (the descriptor)
 * </pre>
 *
 * The checkpoint itself is taken between head and tail by a library's own checkpoint writer
 * ({@link Delta4jCheckpoint}, or Kernel's). Table d (the scan table) is the exception: its data
 * files are real, written with parquet-hadoop's example writer ({@link ExampleParquetWriter},
 * snappy), and its add actions carry the files' true sizes and statistics.
 */
public final class GenerateTables {
  static final String SCHEMA = "{\"type\":\"struct\",\"fields\":["
      + "{\"name\":\"date\",\"type\":\"date\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"event_time\",\"type\":\"timestamp\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"user\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"amount\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"country\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}";
  static final String DATA_SCHEMA = "{\"type\":\"struct\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"value\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}";
  private static final MessageType DATA_PARQUET_SCHEMA =
      MessageTypeParser.parseMessageType("message spark_schema { optional int64 id; optional int64 value; }");
  private static final String[] COUNTRIES = {"AR", "BR", "DE", "FR", "IN", "JP", "NG", "US"};
  /** Commit times: one minute apart from here. */
  private static final long EPOCH_MS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  private final TableSpec spec;
  private final Path dir;
  private final StorageBackend storage = new LocalStorage();

  GenerateTables(TableSpec spec, Path dir) {
    this.spec = spec;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    Options o = new Options(args);
    String stage = o.arg(0, "stage (name, head or tail)");
    TableSpec spec = TableSpec.of(o.arg(1, "table id"), o.flag("quick"));
    if (stage.equals("name")) {
      System.out.println(spec.name());
      return;
    }
    Path root = Path.of(o.arg(2, "output root")).toAbsolutePath();
    GenerateTables g = new GenerateTables(spec, root.resolve(spec.name()));
    long t0 = System.nanoTime();
    switch (stage) {
      case "head" -> g.head();
      case "tail" -> {
        g.tail();
        g.describe(root.resolve(spec.name() + ".properties"), o.require("checkpoint-writer"));
      }
      default -> throw new IllegalArgumentException("unknown stage " + stage);
    }
    System.err.printf("generate %s %s: %.1f s%n", stage, spec.name(), (System.nanoTime() - t0) / 1e9);
  }

  /** Versions 0 .. head: protocol and metadata in 0, then adds only. Starts from an empty directory. */
  void head() throws IOException {
    deleteRecursively(dir);
    Files.createDirectories(dir.resolve(LogFileNames.LOG_DIR));
    for (long v = 0; v <= spec.headVersion(); v++) {
      List<Action> actions = new ArrayList<>();
      actions.add(commitInfo(v, "WRITE", spec.filesPerCommit(), 0));
      if (v == 0) {
        actions.add(protocol());
        actions.add(metadata());
      }
      for (int i = 0; i < spec.filesPerCommit(); i++) {
        actions.add(spec.hasData() ? writeDataFile(v, i) : add(v, spec.dateIndexOf(v), i));
      }
      commit(v, actions);
    }
  }

  /**
   * The commits after the checkpoint: each rewrites {@code tailFiles} files of one date (removes
   * them, adds as many new ones), like an UPDATE touching one partition.
   */
  void tail() throws IOException {
    for (int t = 0; t < spec.tailCommits(); t++) {
      long v = spec.headVersion() + 1 + t;
      long source = spec.headVersion() - spec.tailCommits() + 1 + t; // a commit whose files we rewrite
      int date = spec.dateIndexOf(source);
      List<Action> actions = new ArrayList<>();
      actions.add(commitInfo(v, "UPDATE", spec.tailFiles(), spec.tailFiles()));
      for (int i = 0; i < spec.tailFiles(); i++) {
        actions.add(remove(add(source, date, i), v));
      }
      for (int i = 0; i < spec.tailFiles(); i++) {
        actions.add(add(v, date, i));
      }
      commit(v, actions);
    }
  }

  void describe(Path file, String checkpointWriter) throws IOException {
    Properties p = new Properties();
    p.setProperty("name", spec.name());
    p.setProperty("id", spec.id());
    p.setProperty("description", spec.description());
    p.setProperty("latestVersion", Long.toString(spec.latestVersion()));
    p.setProperty("files", Long.toString(spec.filesAt(spec.latestVersion())));
    p.setProperty("middleVersion", Long.toString(spec.middleVersion()));
    p.setProperty("middleFiles", Long.toString(spec.filesAt(spec.middleVersion())));
    p.setProperty("filterColumn", "date");
    p.setProperty("filterValue", spec.filterValue());
    p.setProperty("filterFiles", Long.toString(spec.filterFiles()));
    p.setProperty("checkpointVersion", Long.toString(spec.checkpointVersion()));
    p.setProperty("checkpointFiles",
        Long.toString(spec.checkpointVersion() < 0 ? 0 : spec.filesAt(spec.checkpointVersion())));
    p.setProperty("checkpointKind", spec.checkpointVersion() < 0 ? "none" : spec.v2Checkpoint() ? "v2" : "classic");
    p.setProperty("checkpointWriter", checkpointWriter);
    p.setProperty("logBytes", Long.toString(logBytes()));
    if (spec.hasData()) {
      long sum = 0;
      for (long id = 0; id < spec.rows(); id++) {
        sum += TableSpec.value(id);
      }
      p.setProperty("rows", Long.toString(spec.rows()));
      p.setProperty("sumColumn", "value");
      p.setProperty("sum", Long.toString(sum));
      p.setProperty("filterColumn", "");
      p.setProperty("filterValue", "");
      p.setProperty("filterFiles", "-1");
      try (Stream<Path> files = Files.list(dir)) {
        p.setProperty("dataBytes", Long.toString(
            files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum()));
      }
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "written by bench GenerateTables; run.sh regenerates the table when this file is missing");
    }
  }

  private void commit(long version, List<Action> actions) throws IOException {
    URI uri = dir.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.commit(version)).toUri();
    storage.putIfAbsent(uri, ActionWriter.toCommitBytes(actions));
  }

  private Protocol protocol() {
    // V2 checkpoints are a reader-writer table feature ("V2 Checkpoint Table Feature").
    return spec.v2Checkpoint()
        ? new Protocol(3, 7, Set.of("v2Checkpoint"), Set.of("v2Checkpoint"))
        : new Protocol(1, 2);
  }

  /**
   * Table d's data file {@code index} of commit {@code version}: rows with consecutive ids
   * ({@code value} from {@link TableSpec#value}), written with parquet-hadoop's example writer.
   */
  private AddFile writeDataFile(long version, int index) throws IOException {
    long first = (version * spec.filesPerCommit() + index) * spec.rowsPerFile();
    long last = first + spec.rowsPerFile() - 1;
    SplittableRandom r = new SplittableRandom(version * 1_000_003L + index);
    String name = String.format("part-%05d-%s.c000.snappy.parquet", index, uuid(r));
    Path file = dir.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(DATA_PARQUET_SCHEMA);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(DATA_PARQUET_SCHEMA)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (long id = first; id <= last; id++) {
        long value = TableSpec.value(id);
        min = Math.min(min, value);
        max = Math.max(max, value);
        w.write(groups.newGroup().append("id", id).append("value", value));
      }
    }
    String stats = "{\"numRecords\":" + spec.rowsPerFile()
        + ",\"minValues\":{\"id\":" + first + ",\"value\":" + min + "}"
        + ",\"maxValues\":{\"id\":" + last + ",\"value\":" + max + "}"
        + ",\"nullCount\":{\"id\":0,\"value\":0}}";
    return new AddFile(
        name,
        Map.of(),
        Files.size(file),
        commitTime(version),
        true /* dataChange */,
        Optional.of(stats),
        Map.of() /* tags */,
        Optional.empty() /* deletionVector */,
        OptionalLong.empty() /* baseRowId */,
        OptionalLong.empty() /* defaultRowCommitVersion */,
        Optional.empty() /* clusteringProvider */);
  }

  private Metadata metadata() {
    Map<String, String> conf = spec.v2Checkpoint()
        ? Map.of("delta.checkpointPolicy", "v2")
        : Map.of();
    return new Metadata(
        uuid(new SplittableRandom(spec.name().hashCode())),
        Optional.empty() /* name */,
        Optional.empty() /* description */,
        Format.parquet(),
        spec.hasData() ? DATA_SCHEMA : SCHEMA,
        spec.hasData() ? List.of() : List.of("date"),
        OptionalLong.of(EPOCH_MS),
        conf);
  }

  /** File {@code index} added by commit {@code version}, in date partition {@code dateIndex}. */
  AddFile add(long version, int dateIndex, int index) {
    SplittableRandom r = new SplittableRandom(version * 1_000_003L + index);
    String date = TableSpec.date(dateIndex);
    String path = String.format("date=%s/part-%05d-%s.c000.snappy.parquet", date, index % 100_000, uuid(r));
    long rows = 50_000 + r.nextInt(150_000);
    long idMin = version * 10_000_000L + index * 1_000L;
    long dayStart = EPOCH_MS + dateIndex * 86_400_000L;
    String stats = "{\"numRecords\":" + rows
        + ",\"minValues\":{\"id\":" + idMin
        + ",\"event_time\":\"" + Instant.ofEpochMilli(dayStart + r.nextInt(3_600_000)) + "\""
        + ",\"user\":\"user_" + String.format("%06d", r.nextInt(1_000)) + "\""
        + ",\"amount\":" + (r.nextInt(100) / 4.0)
        + ",\"country\":\"" + COUNTRIES[r.nextInt(2)] + "\"}"
        + ",\"maxValues\":{\"id\":" + (idMin + rows - 1)
        + ",\"event_time\":\"" + Instant.ofEpochMilli(dayStart + 82_800_000L + r.nextInt(3_600_000)) + "\""
        + ",\"user\":\"user_" + String.format("%06d", 999_000 + r.nextInt(1_000)) + "\""
        + ",\"amount\":" + (10_000 + r.nextInt(100_000) / 4.0)
        + ",\"country\":\"" + COUNTRIES[6 + r.nextInt(2)] + "\"}"
        + ",\"nullCount\":{\"id\":0,\"event_time\":0,\"user\":" + r.nextInt(50)
        + ",\"amount\":" + r.nextInt(10) + ",\"country\":0}}";
    return new AddFile(
        path,
        Map.of("date", date),
        1_000_000L + r.nextLong(127_000_000L) /* size */,
        commitTime(version),
        true /* dataChange */,
        Optional.of(stats),
        Map.of() /* tags */,
        Optional.empty() /* deletionVector */,
        OptionalLong.empty() /* baseRowId */,
        OptionalLong.empty() /* defaultRowCommitVersion */,
        Optional.empty() /* clusteringProvider */);
  }

  private static RemoveFile remove(AddFile a, long version) {
    return new RemoveFile(
        a.path(),
        OptionalLong.of(commitTime(version)),
        true /* dataChange */,
        Optional.of(true) /* extendedFileMetadata */,
        Optional.of(a.partitionValues()),
        OptionalLong.of(a.size()),
        Optional.empty() /* stats */,
        Map.of() /* tags */,
        Optional.empty() /* deletionVector */,
        OptionalLong.empty(),
        OptionalLong.empty());
  }

  private CommitInfo commitInfo(long version, String operation, int added, int removed) {
    long ts = commitTime(version);
    String json = "{\"timestamp\":" + ts + ",\"operation\":\"" + operation + "\""
        + ",\"operationParameters\":{\"mode\":\"Append\",\"partitionBy\":\"[\\\"date\\\"]\"}"
        + (version > 0 ? ",\"readVersion\":" + (version - 1) : "")
        + ",\"isolationLevel\":\"Serializable\",\"isBlindAppend\":" + (removed == 0)
        + ",\"operationMetrics\":{\"numFiles\":\"" + added + "\",\"numRemovedFiles\":\"" + removed + "\"}"
        + ",\"engineInfo\":\"delta4j-bench-generator\"}";
    return new CommitInfo(
        OptionalLong.of(ts),
        OptionalLong.empty(),
        Optional.of(operation),
        Map.of("mode", "Append", "partitionBy", "[\"date\"]"),
        version > 0 ? OptionalLong.of(version - 1) : OptionalLong.empty(),
        Optional.of("Serializable"),
        Optional.of(removed == 0),
        Map.of("numFiles", Integer.toString(added), "numRemovedFiles", Integer.toString(removed)),
        Optional.of("delta4j-bench-generator"),
        Optional.empty() /* txnId */,
        Optional.empty() /* userMetadata */,
        json);
  }

  private static long commitTime(long version) {
    return EPOCH_MS + version * 60_000L;
  }

  private static String uuid(SplittableRandom r) {
    return new java.util.UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }

  private long logBytes() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve(LogFileNames.LOG_DIR))) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
