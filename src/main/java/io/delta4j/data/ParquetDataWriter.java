package io.delta4j.data;

import io.delta4j.Row;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructType;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Internal: not part of the public API. Writes one Parquet data file of table rows through the
 * storage SPI and computes its Delta statistics on the way (see {@link DataWriteSupport} for the
 * Parquet layout, {@link DataFileStats} for the statistics). The file appears whole on
 * {@link #finish()}; {@link #close()} without {@code finish()} aborts, so a partial data file is
 * never published:
 *
 * <pre>{@code
 * try (ParquetDataWriter w = ParquetDataWriter.create(storage, uri, schema, mode, Options.DEFAULT)) {
 *   for (Row r : rows) w.write(r);
 *   Result written = w.finish();   // path, size, numRecords, stats JSON for the add action
 * }
 * }</pre>
 *
 * <p>Rows are read by position: {@code row.get(i)} is the value of the schema's i-th field, of the
 * Java type {@link Row} lists for its Delta type. Not thread-safe.
 */
public final class ParquetDataWriter implements Closeable {
  /** Codecs a data file may use. */
  public enum Compression {
    SNAPPY(CompressionCodecName.SNAPPY),
    ZSTD(CompressionCodecName.ZSTD);

    final CompressionCodecName codec;

    Compression(CompressionCodecName codec) {
      this.codec = codec;
    }
  }

  /**
   * How to write.
   *
   * @param compression the codec (Delta's default: snappy)
   * @param numIndexedCols {@code delta.dataSkippingNumIndexedCols}: statistics for the first N leaf
   *     columns, -1 for all
   * @param statsColumns {@code delta.dataSkippingStatsColumns}, parsed into logical paths; when not
   *     empty it decides instead of {@code numIndexedCols}
   * @param rowGroupBytes the Parquet row group size
   */
  public record Options(Compression compression, int numIndexedCols, List<List<String>> statsColumns,
      long rowGroupBytes) {
    /** Delta's defaults: snappy, 32 indexed columns, 128 MiB row groups. */
    public static final Options DEFAULT = new Options(Compression.SNAPPY, 32, List.of(), 128L * 1024 * 1024);

    public Options {
      Objects.requireNonNull(compression, "compression");
      if (numIndexedCols < -1) {
        throw new IllegalArgumentException("delta.dataSkippingNumIndexedCols must be -1 or more, was " + numIndexedCols);
      }
      statsColumns = statsColumns.stream().map(List::copyOf).toList();
    }

    public Options withCompression(Compression c) {
      return new Options(c, numIndexedCols, statsColumns, rowGroupBytes);
    }

    public Options withNumIndexedCols(int n) {
      return new Options(compression, n, statsColumns, rowGroupBytes);
    }

    public Options withRowGroupBytes(long bytes) {
      return new Options(compression, numIndexedCols, statsColumns, bytes);
    }

    public Options withStatsColumns(List<List<String>> columns) {
      return new Options(compression, numIndexedCols, columns, rowGroupBytes);
    }
  }

  /**
   * A published file.
   *
   * @param path its location
   * @param size its size in bytes
   * @param numRecords its rows
   * @param stats the statistics JSON for the add action's {@code stats}
   */
  public record Result(URI path, long size, long numRecords, String stats) {}

  private final URI location;
  private final PublishedFile<Row> file;
  private final DataWriteSupport support;
  private long rows;

  private ParquetDataWriter(URI location, PublishedFile<Row> file, DataWriteSupport support) {
    this.location = location;
    this.file = file;
    this.support = support;
  }

  /**
   * Starts a file at {@code location}.
   *
   * @param schema the table schema (logical names and types)
   * @param mode the table's column mapping mode: with NAME or ID, Parquet columns take the physical
   *     names and field ids of the schema's metadata
   * @throws IllegalArgumentException for a type the writer cannot store (variant, void inside a
   *     nested type)
   */
  public static ParquetDataWriter create(StorageBackend storage, URI location, StructType schema,
      ColumnMappingMode mode, Options options) throws IOException {
    DataWriteSupport support = new DataWriteSupport(schema, mode, options.numIndexedCols(), options.statsColumns());
    PublishedFile<Row> file = PublishedFile.start(new StorageOutputFile(storage, location), location,
        out -> new SupportWriterBuilder<>(out, support)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withCompressionCodec(options.compression().codec)
          .withRowGroupSize(options.rowGroupBytes())
          .withDictionaryEncoding(true)
          .withValidation(false)
          .build());
    return new ParquetDataWriter(location, file, support);
  }

  /** Appends one row. A failure leaves the writer unusable: close it, which aborts the file. */
  public void write(Row row) throws IOException {
    file.write(row);
    rows++;
  }

  /** The bytes written so far plus those buffered for the current row group: the file's size, nearly. */
  public long estimatedSize() {
    return file.dataSize();
  }

  /** The rows written so far. */
  public long rows() {
    return rows;
  }

  /** Writes the footer and publishes the file. */
  public Result finish() throws IOException {
    long size = file.finish();
    return new Result(location, size, rows, support.stats().toJson(rows));
  }

  /** Aborts unless finished: nothing is published. */
  @Override
  public void close() throws IOException {
    file.close();
  }
}
