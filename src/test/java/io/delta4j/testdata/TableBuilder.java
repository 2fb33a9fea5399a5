package io.delta4j.testdata;

import static io.delta4j.testdata.JsonText.obj;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.schema.MessageType;

/**
 * Builds one test table: writes data files and commits in version order, replays the actions it
 * writes (PROTOCOL.md "Action Reconciliation") so that it can write checkpoints of the current
 * state, and writes {@code _last_checkpoint}. Everything is derived from the table name, so two
 * runs produce identical bytes: UUIDs are name-based, commit {@code v} happens at
 * {@code T0 + v hours}.
 */
final class TableBuilder {
  /** 2024-01-01T00:00:00Z: the time of every table's version 0. */
  static final long T0 = 1_704_067_200_000L;
  static final long HOUR = 3_600_000L;

  /** A column of a test table; {@code type} is a Delta primitive: long, string, date or double. */
  record Column(String name, String type) {}

  /** What a checkpoint writer reports for {@code _last_checkpoint}. */
  record CheckpointInfo(long version, long size, Integer parts, long sizeInBytes, long numOfAddFiles) {}

  final Path root;
  final Path log;
  private final String name;
  private final List<Column> columns;
  private final List<String> partitionColumns;
  private final LogState state = new LogState();
  private long nextVersion;
  private int nextFile;

  TableBuilder(Path testsData, String name, List<Column> columns, List<String> partitionColumns)
      throws IOException {
    this.root = testsData.resolve(name);
    this.log = root.resolve("_delta_log");
    this.name = name;
    this.columns = List.copyOf(columns);
    this.partitionColumns = List.copyOf(partitionColumns);
    Files.createDirectories(log);
  }

  /** A UUID that depends only on the table name and {@code what}. */
  UUID uuid(String what) {
    return UUID.nameUUIDFromBytes(("delta4j-testdata/" + name + "/" + what).getBytes(StandardCharsets.UTF_8));
  }

  static long ts(long version) {
    return T0 + version * HOUR;
  }

  long nextVersion() {
    return nextVersion;
  }

  // ---------------------------------------------------------------- actions

  static Map<String, Object> protocol(int reader, int writer, List<String> readerFeatures, List<String> writerFeatures) {
    Map<String, Object> p = obj("minReaderVersion", reader, "minWriterVersion", writer);
    if (readerFeatures != null) {
      p.put("readerFeatures", readerFeatures);
    }
    if (writerFeatures != null) {
      p.put("writerFeatures", writerFeatures);
    }
    return obj("protocol", p);
  }

  Map<String, Object> metaData(Map<String, ?> configuration) {
    return obj(
        "metaData",
        obj(
            "id", uuid("table").toString(),
            "format", obj("provider", "parquet", "options", Map.of()),
            "schemaString", schemaString(),
            "partitionColumns", partitionColumns,
            "configuration", configuration,
            "createdTime", T0));
  }

  /** A Spark-like commitInfo for the next commit; with {@code ict} it carries the inCommitTimestamp. */
  Map<String, Object> commitInfo(boolean ict, String operation, Map<String, Object> parameters) {
    long v = nextVersion;
    Map<String, Object> info = new LinkedHashMap<>();
    if (ict) {
      info.put("inCommitTimestamp", ts(v));
    }
    info.put("timestamp", ts(v));
    info.put("operation", operation);
    info.put("operationParameters", parameters);
    if (v > 0) {
      info.put("readVersion", v - 1);
    }
    info.put("isolationLevel", "Serializable");
    info.put("isBlindAppend", operation.equals("WRITE") || operation.equals("STREAMING UPDATE"));
    info.put("engineInfo", "delta4j-testdata");
    info.put("txnId", uuid("txn-" + v).toString());
    return obj("commitInfo", info);
  }

  static Map<String, Object> txn(String appId, long version, long lastUpdated) {
    return obj("txn", obj("appId", appId, "version", version, "lastUpdated", lastUpdated));
  }

  static Map<String, Object> domain(String domain, String configuration, boolean removed) {
    return obj("domainMetadata", obj("domain", domain, "configuration", configuration, "removed", removed));
  }

  /**
   * Writes a data file with {@code rows} into the Hive-style partition directory and returns its
   * {@code add}, committed in the next version. The log path is URI-encoded the way Spark writes
   * it: characters illegal in a URI (space, {@code %}) escaped, non-ASCII kept as UTF-8.
   */
  Map<String, Object> add(Map<String, String> partitionValues, List<Map<String, Object>> rows) throws IOException {
    StringBuilder dir = new StringBuilder();
    for (String column : partitionColumns) {
      String value = partitionValues.get(column);
      dir.append(column).append('=').append(value == null ? "__HIVE_DEFAULT_PARTITION__" : value).append('/');
    }
    int n = nextFile;
    String file = dir + String.format(Locale.ROOT, "part-%05d-%s.c000.snappy.parquet", n, uuid("file-" + n));
    return add(file, uriPath(file), partitionValues, rows);
  }

  /** Writes a data file at {@code diskPath} and returns an {@code add} naming it {@code logPath}. */
  Map<String, Object> add(String diskPath, String logPath, Map<String, String> partitionValues, List<Map<String, Object>> rows)
      throws IOException {
    nextFile++;
    Path file = root.resolve(diskPath);
    Files.createDirectories(file.getParent());
    ParquetFiles.writeData(file, dataSchema(), rows);
    Map<String, Object> add = new LinkedHashMap<>();
    add.put("path", logPath);
    add.put("partitionValues", new LinkedHashMap<>(partitionValues));
    add.put("size", Files.size(file));
    add.put("modificationTime", ts(nextVersion));
    add.put("dataChange", true);
    add.put("stats", JsonText.of(stats(rows)));
    return obj("add", add);
  }

  /** The {@code remove} of a previous add, as a DELETE of the whole file writes it. */
  Map<String, Object> remove(Map<String, Object> addAction) {
    Map<?, ?> add = (Map<?, ?>) addAction.get("add");
    Map<String, Object> remove = new LinkedHashMap<>();
    remove.put("path", add.get("path"));
    remove.put("deletionTimestamp", ts(nextVersion));
    remove.put("dataChange", true);
    remove.put("extendedFileMetadata", true);
    remove.put("partitionValues", add.get("partitionValues"));
    remove.put("size", add.get("size"));
    if (add.get("deletionVector") != null) {
      remove.put("deletionVector", add.get("deletionVector"));
    }
    remove.put("stats", add.get("stats"));
    return obj("remove", remove);
  }

  /** A copy of a file action with some fields replaced (a null value removes the field). */
  static Map<String, Object> with(Map<String, Object> action, Object... keysAndValues) {
    String type = action.keySet().iterator().next();
    Map<String, Object> body = new LinkedHashMap<>(castMap(action.get(type)));
    Map<String, Object> changes = obj(keysAndValues);
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      if (e.getValue() == null) {
        body.remove(e.getKey());
      } else {
        body.put(e.getKey(), e.getValue());
      }
    }
    return obj(type, body);
  }

  // ---------------------------------------------------------------- commits

  /** Writes the next commit. Map items are actions (and replayed); String items are raw lines. */
  void commit(Object... actions) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Object action : actions) {
      if (action instanceof String line) {
        text.append(line).append('\n');
      } else {
        Map<String, Object> map = castMap(action);
        text.append(JsonText.of(map)).append('\n');
        state.apply(map);
      }
    }
    commitText(text.toString());
  }

  /** Writes the next commit file with exactly this content (no replay). */
  void commitText(String content) throws IOException {
    Files.writeString(log.resolve(String.format(Locale.ROOT, "%020d.json", nextVersion)), content, StandardCharsets.UTF_8);
    nextVersion++;
  }

  /** Deletes commit files {@code from..to} (inclusive), as metadata cleanup does. */
  void deleteCommits(long from, long to) throws IOException {
    for (long v = from; v <= to; v++) {
      Files.delete(log.resolve(String.format(Locale.ROOT, "%020d.json", v)));
    }
  }

  // ---------------------------------------------------------------- checkpoints

  /** A classic V1 checkpoint of the state after the last commit. */
  CheckpointInfo classicCheckpoint() throws IOException {
    long version = nextVersion - 1;
    List<Map<String, Object>> rows = state.checkpointActions();
    Path file = log.resolve(String.format(Locale.ROOT, "%020d.checkpoint.parquet", version));
    ParquetFiles.writeLog(file, ParquetFiles.checkpointV1(state.supportsDeletionVectors()), rows);
    return new CheckpointInfo(version, rows.size(), null, Files.size(file), state.liveAdds());
  }

  /**
   * A multi-part V1 checkpoint of the state after the last commit: row i goes to part
   * {@code partOfRow[i]} (1-based); parts listed in {@code missing} are not written.
   */
  CheckpointInfo multiPartCheckpoint(int parts, int[] partOfRow, int... missing) throws IOException {
    long version = nextVersion - 1;
    List<Map<String, Object>> rows = state.checkpointActions();
    if (partOfRow.length != rows.size()) {
      throw new IllegalArgumentException("the checkpoint has " + rows.size() + " rows");
    }
    long bytes = 0;
    for (int part = 1; part <= parts; part++) {
      List<Map<String, Object>> partRows = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (partOfRow[i] == part) {
          partRows.add(rows.get(i));
        }
      }
      int p = part;
      if (Arrays.stream(missing).anyMatch(m -> m == p)) {
        continue;
      }
      Path file = log.resolve(String.format(Locale.ROOT, "%020d.checkpoint.%010d.%010d.parquet", version, part, parts));
      ParquetFiles.writeLog(file, ParquetFiles.checkpointV1(state.supportsDeletionVectors()), partRows);
      bytes += Files.size(file);
    }
    return new CheckpointInfo(version, rows.size(), parts, bytes, state.liveAdds());
  }

  /**
   * A UUID-named V2 checkpoint of the state after the last commit, in JSON or Parquet, with its
   * file actions split in order over {@code sidecars} sidecar files. {@code size} counts every
   * action: those of the checkpoint file, sidecar actions included, and those in the sidecars;
   * {@code sizeInBytes} counts the checkpoint file and its sidecars.
   */
  CheckpointInfo v2Checkpoint(boolean json, int sidecars) throws IOException {
    long version = nextVersion - 1;
    List<Map<String, Object>> nonFile = new ArrayList<>();
    List<Map<String, Object>> fileActions = new ArrayList<>();
    for (Map<String, Object> action : state.checkpointActions()) {
      boolean isFile = action.containsKey("add") || action.containsKey("remove");
      (isFile ? fileActions : nonFile).add(action);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(obj("checkpointMetadata", obj("version", version, "tags", Map.of())));
    rows.addAll(nonFile);
    Path sidecarDir = log.resolve("_sidecars");
    Files.createDirectories(sidecarDir);
    long bytes = 0;
    int chunk = (fileActions.size() + sidecars - 1) / sidecars;
    for (int i = 0; i < sidecars; i++) {
      List<Map<String, Object>> part =
          fileActions.subList(Math.min(i * chunk, fileActions.size()), Math.min((i + 1) * chunk, fileActions.size()));
      String sidecarName = uuid("sidecar-" + version + "-" + i) + ".parquet";
      Path sidecar = sidecarDir.resolve(sidecarName);
      ParquetFiles.writeLog(sidecar, ParquetFiles.sidecar(state.supportsDeletionVectors()), part);
      bytes += Files.size(sidecar);
      rows.add(
          obj(
              "sidecar",
              obj("path", sidecarName, "sizeInBytes", Files.size(sidecar), "modificationTime", ts(version), "tags", Map.of())));
    }
    String base = String.format(Locale.ROOT, "%020d.checkpoint.%s", version, uuid("checkpoint-" + version));
    Path file;
    if (json) {
      StringBuilder text = new StringBuilder();
      for (Map<String, Object> row : rows) {
        text.append(JsonText.of(row)).append('\n');
      }
      file = log.resolve(base + ".json");
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } else {
      file = log.resolve(base + ".parquet");
      ParquetFiles.writeLog(file, ParquetFiles.CHECKPOINT_V2_WITH_SIDECARS, rows);
    }
    bytes += Files.size(file);
    return new CheckpointInfo(version, rows.size() + fileActions.size(), null, bytes, state.liveAdds());
  }

  /** The {@code _last_checkpoint} JSON of a checkpoint, with its checksum. */
  static Map<String, Object> lastCheckpointJson(CheckpointInfo info) {
    Map<String, Object> json = lastCheckpointJsonWithoutChecksum(info);
    json.put("checksum", JsonChecksum.md5(json));
    return json;
  }

  /** The {@code _last_checkpoint} JSON as writers before the checksum existed wrote it. */
  static Map<String, Object> lastCheckpointJsonWithoutChecksum(CheckpointInfo info) {
    Map<String, Object> json = obj("version", info.version(), "size", info.size());
    if (info.parts() != null) {
      json.put("parts", info.parts());
    }
    json.put("sizeInBytes", info.sizeInBytes());
    json.put("numOfAddFiles", info.numOfAddFiles());
    return json;
  }

  void lastCheckpoint(CheckpointInfo info) throws IOException {
    lastCheckpointText(JsonText.of(lastCheckpointJson(info)) + "\n");
  }

  void lastCheckpointText(String content) throws IOException {
    Files.writeString(log.resolve("_last_checkpoint"), content, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- schema and stats

  private String schemaString() {
    List<Object> fields = new ArrayList<>();
    for (Column c : columns) {
      fields.add(obj("name", c.name(), "type", c.type(), "nullable", true, "metadata", Map.of()));
    }
    return JsonText.of(obj("type", "struct", "fields", fields));
  }

  private List<Column> dataColumns() {
    return columns.stream().filter(c -> !partitionColumns.contains(c.name())).toList();
  }

  /** The data file schema: the table's columns minus the partition columns, as Spark writes it. */
  MessageType dataSchema() {
    List<String> fields = new ArrayList<>();
    for (Column c : dataColumns()) {
      fields.add(
          switch (c.type()) {
            case "long" -> "optional int64 " + c.name() + ";";
            case "string" -> "optional binary " + c.name() + " (STRING);";
            case "date" -> "optional int32 " + c.name() + " (DATE);";
            case "double" -> "optional double " + c.name() + ";";
            default -> throw new IllegalArgumentException(c.type());
          });
    }
    return ParquetFiles.message(fields.toArray(String[]::new));
  }

  /** Per-file statistics (PROTOCOL.md "Per-file Statistics") of the data columns. */
  private Map<String, Object> stats(List<Map<String, Object>> rows) {
    Map<String, Object> min = new LinkedHashMap<>();
    Map<String, Object> max = new LinkedHashMap<>();
    Map<String, Object> nulls = new LinkedHashMap<>();
    for (Column c : dataColumns()) {
      Comparable<Object> lo = null;
      Comparable<Object> hi = null;
      long nullCount = 0;
      for (Map<String, Object> row : rows) {
        @SuppressWarnings("unchecked")
        Comparable<Object> v = (Comparable<Object>) row.get(c.name());
        if (v == null) {
          nullCount++;
        } else {
          lo = lo == null || v.compareTo(lo) < 0 ? v : lo;
          hi = hi == null || v.compareTo(hi) > 0 ? v : hi;
        }
      }
      if (lo != null) {
        min.put(c.name(), statsValue(lo));
        max.put(c.name(), statsValue(hi));
      }
      nulls.put(c.name(), nullCount);
    }
    return obj("numRecords", (long) rows.size(), "minValues", min, "maxValues", max, "nullCount", nulls);
  }

  /** Dates are written as yyyy-MM-dd strings in stats, other values as they are. */
  private static Object statsValue(Object value) {
    return value instanceof LocalDate ? value.toString() : value;
  }

  /** Spark's form of a relative path in the log: URI-quoted, non-ASCII characters kept. */
  static String uriPath(String path) {
    try {
      return new URI(null, null, path, null).toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
