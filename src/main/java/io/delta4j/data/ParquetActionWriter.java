package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.storage.StorageBackend;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * Writes actions as the rows of a checkpoint Parquet file, a V2 checkpoint's top-level file or a
 * sidecar (PROTOCOL.md, "Checkpoint Schema"), snappy-compressed, through the storage SPI. The file
 * appears whole on {@link #finish()}; {@link #close()} without {@code finish()} (a failure on the
 * way) aborts, so that a partial checkpoint is never published:
 *
 * <pre>{@code
 * try (ParquetActionWriter w = ParquetActionWriter.create(storage, uri, Layout.V1_CHECKPOINT, true)) {
 *   w.write(protocol); ...
 *   long bytes = w.finish();
 * }
 * }</pre>
 *
 * <p>Errors: {@link StorageWriteException} when the storage fails; {@link IllegalArgumentException}
 * for an action the layout has no column for. Not thread-safe.
 */
public final class ParquetActionWriter implements Closeable {
  /** Row groups are flushed at this size, which bounds the writer's memory. */
  static final long ROW_GROUP_BYTES = 64L * 1024 * 1024;

  /** Which kind of file, and so which columns. */
  public enum Layout {
    /** A V1 checkpoint: {@code txn, add, remove, metaData, protocol, domainMetadata}. */
    V1_CHECKPOINT,
    /**
     * The top-level file of a V2 checkpoint whose file actions live in sidecars: the V1 columns
     * without {@code add} and {@code remove}, plus {@code checkpointMetadata} and {@code sidecar}.
     */
    V2_CHECKPOINT,
    /** A V2 sidecar: {@code add, remove}. */
    SIDECAR
  }

  private final URI location;
  private final PublishedFile<Action> file;
  private final ActionWriteSupport support;
  private long actions;

  private ParquetActionWriter(URI location, PublishedFile<Action> file, ActionWriteSupport support) {
    this.location = location;
    this.file = file;
    this.support = support;
  }

  /**
   * Starts a file at {@code location}, replacing any file there once finished.
   *
   * @param statsAsJson whether {@code add} has its {@code stats} column
   *     ({@code delta.checkpoint.writeStatsAsJson})
   */
  public static ParquetActionWriter create(StorageBackend storage, URI location, Layout layout, boolean statsAsJson)
      throws IOException {
    return create(storage, location, layout, statsAsJson, Optional.empty());
  }

  /**
   * As {@link #create(StorageBackend, URI, Layout, boolean)}, with the typed
   * {@code partitionValues_parsed} and {@code stats_parsed} columns in {@code add} when
   * {@code parsed} is present ({@code delta.checkpoint.writeStatsAsStruct}); layouts without
   * {@code add} ignore it.
   */
  public static ParquetActionWriter create(StorageBackend storage, URI location, Layout layout, boolean statsAsJson,
      Optional<ParsedAddColumns> parsed) throws IOException {
    MessageType schema = CheckpointSchema.of(layout, statsAsJson, parsed);
    ActionWriteSupport support = new ActionWriteSupport(schema, parsed);
    PublishedFile<Action> file = PublishedFile.start(new StorageOutputFile(storage, location), location,
        out -> new SupportWriterBuilder<>(out, support)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withRowGroupSize(ROW_GROUP_BYTES)
          .withDictionaryEncoding(true)
        // Footer null counts let readers skip the row groups that hold no wanted action; the
        // per-page size statistics serve nobody who reads a checkpoint.
          .withStatisticsEnabled(true)
          .withSizeStatisticsEnabled(false)
          .withValidation(false)
          .build());
    return new ParquetActionWriter(location, file, support);
  }

  /** Appends one action as one row. */
  public void write(Action action) throws IOException {
    if (!support.accepts(action)) {
      throw new IllegalArgumentException(location + " has no " + action.type().key() + " column");
    }
    file.write(action);
    actions++;
  }

  /** The actions written so far. */
  public long actions() {
    return actions;
  }

  /** Writes the footer and publishes the file; returns its size in bytes. */
  public long finish() throws IOException {
    return file.finish();
  }

  /** Aborts unless finished: nothing is published. */
  @Override
  public void close() throws IOException {
    file.close();
  }
}
