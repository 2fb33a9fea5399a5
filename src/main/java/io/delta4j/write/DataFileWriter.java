package io.delta4j.write;

import io.delta4j.Row;
import io.delta4j.data.ParquetDataWriter;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.PartitionValues;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Writes rows of a table's schema into data files: one open file per partition, each closed and
 * replaced when it reaches the target size, named as Delta's Spark writer names them
 * ({@code date=2024-01-01/part-00003-<uuid>.c000.snappy.parquet}). Each finished file becomes an
 * {@code add} action with its statistics. {@link #close()} without {@link #finish()} aborts the open
 * files; finished ones stay, unreferenced, for vacuum to remove. Not thread-safe.
 */
final class DataFileWriter implements Closeable {
  // getDataSize() walks every column's buffers: checking it every row would cost more than writing.
  private static final int SIZE_CHECK_INTERVAL = 256;

  private final StorageBackend storage;
  private final URI root;
  private final WriteLayout layout;
  private final Clock clock;
  private final String directory;
  private final String filePrefix;
  private final String fileSuffix;
  private final Map<List<String>, OpenFile> open = new HashMap<>();
  private final List<AddFile> written = new ArrayList<>();
  private int fileCount;
  private long rows;

  DataFileWriter(StorageBackend storage, URI root, WriteLayout layout, Clock clock) {
    this(storage, root, layout, clock, "", "part");
  }

  /**
   * A writer whose files go under {@code directory} (e.g. {@code _change_data/}, or empty for the
   * table root), named {@code <filePrefix>-<n>-<uuid>.c000.<codec>.parquet}.
   */
  DataFileWriter(StorageBackend storage, URI root, WriteLayout layout, Clock clock, String directory, String filePrefix) {
    this.directory = directory;
    this.filePrefix = filePrefix;
    this.storage = storage;
    this.root = root;
    this.layout = layout;
    this.clock = clock;
    this.fileSuffix = ".c000." + layout.parquet().compression().name().toLowerCase(Locale.ROOT) + ".parquet";
  }

  /** Writes a row of the table's schema whose values have the types {@link Row} lists. */
  void write(Row row) throws IOException {
    List<String> partition = partitionValues(row);
    OpenFile file = open.get(partition);
    if (file == null) {
      file = start(partition);
      open.put(partition, file);
    }
    ParquetDataWriter writer = file.writer();
    writer.write(layout.isPartitioned() ? dataRow(row) : row);
    rows++;
    if (writer.rows() % SIZE_CHECK_INTERVAL == 0 && writer.estimatedSize() >= layout.targetFileSize()) {
      open.remove(partition);
      written.add(finish(partition, file));
    }
  }

  /** The rows written so far. */
  long rows() {
    return rows;
  }

  /** Closes every open file and returns the {@code add} actions of all files written. */
  List<AddFile> finish() throws IOException {
    for (Map.Entry<List<String>, OpenFile> e : open.entrySet()) {
      written.add(finish(e.getKey(), e.getValue()));
    }
    open.clear();
    return List.copyOf(written);
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (OpenFile file : open.values()) {
      try {
        file.writer().close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private List<String> partitionValues(Row row) {
    int[] ordinals = layout.partitionOrdinals();
    if (ordinals.length == 0) {
      return List.of();
    }
    String[] values = new String[ordinals.length];
    for (int i = 0; i < ordinals.length; i++) {
      values[i] = PartitionValues.serialize(row.get(ordinals[i]), layout.partitionType(i));
    }
    return Arrays.asList(values);
  }

  private Row dataRow(Row row) {
    int[] ordinals = layout.dataOrdinals();
    Object[] values = new Object[ordinals.length];
    for (int i = 0; i < ordinals.length; i++) {
      values[i] = row.get(ordinals[i]);
    }
    return Row.of(layout.dataSchema(), values);
  }

  private OpenFile start(List<String> partition) throws IOException {
    String name = String.format(Locale.ROOT, "%s-%05d-%s%s", filePrefix, fileCount++, UUID.randomUUID(), fileSuffix);
    String path = Locations.encodePath(directory + PartitionPaths.directory(layout.partitionColumns(), partition) + name);
    return new OpenFile(path, ParquetDataWriter.create(
        storage, Locations.resolve(root, path), layout.dataSchema(), layout.mode(), layout.parquet()));
  }

  private AddFile finish(List<String> partition, OpenFile file) throws IOException {
    ParquetDataWriter.Result result = file.writer().finish();
    Map<String, String> partitionValues = new LinkedHashMap<>();
    for (int i = 0; i < partition.size(); i++) {
      partitionValues.put(layout.partitionKeys().get(i), partition.get(i));
    }
    return new AddFile(file.path(), partitionValues, result.size(), clock.millis(), true /* dataChange */,
        Optional.of(result.stats()), Map.of(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
        Optional.empty());
  }

  /** A data file being written, and its path as the log will name it (relative, encoded). */
  private record OpenFile(String path, ParquetDataWriter writer) {}
}
