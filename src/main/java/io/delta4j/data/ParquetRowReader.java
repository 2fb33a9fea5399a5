package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.CloseableIterator;
import io.delta4j.DeltaException;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the rows of one Delta data file (PROTOCOL.md, "Data Files") as batches of columnar
 * vectors, with logical column names and the table's types, whatever the file's encodings.
 *
 * <p>Only the columns of the read schema are fetched and decoded (nested structs may be pruned to
 * the fields asked for). Columns are found as the column mapping mode says; columns the file lacks
 * read as null; values of a narrower type are widened (see {@link LeafBinder}). Top-level primitive
 * columns are decoded column by column ({@link FlatColumns}); Parquet assembles the records of
 * nested ones straight into the vectors through a converter tree ({@link ReadSchemaBinder}); no
 * intermediate row objects are made either way.
 *
 * <p>Memory: one row group's column chunks (the projected ones) at a time, plus the batch being
 * filled. Batches never span row groups and are never reused.
 *
 * <p>Errors are {@link DeltaException}s naming the table and the file: {@link
 * io.delta4j.StorageException} when the file is missing or the storage fails, {@link
 * io.delta4j.UnsupportedTableFeatureException} for a shredded variant, and a plain
 * {@code DeltaException} when the file is not valid Parquet or does not match the table schema.
 * Opening reads the footer and checks the schema, so most mismatches fail {@link #open}. Not
 * thread-safe; the batches it returns are.
 */
public final class ParquetRowReader implements CloseableIterator<RowBatch> {
  /** The most rows in one batch. */
  public static final int BATCH_SIZE = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(ParquetRowReader.class);

  private final String table;
  private final String displayName;
  private final StorageInputFile file;
  private final ParquetFileReader reader;
  private final StructFiller root;
  private final FlatColumns flat;
  private final MessageColumnIO columnIO; // null when no nested column is read from the file
  private final String createdBy;
  private final RecordMaterializer<Void> materializer;
  private final boolean readsFile;
  private final List<BlockMetaData> rowGroups;
  private int nextRowGroup;
  private long nextRowIndex;
  private long rowsLeftInGroup;
  private RecordReader<Void> records;
  private RowBatch pending;
  private boolean closed;

  private ParquetRowReader(
      String table, String displayName, StorageInputFile file, ParquetFileReader reader, StructType readSchema,
      ColumnMappingMode mode) {
    this.table = table;
    this.displayName = displayName;
    this.file = file;
    this.reader = reader;
    MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
    ReadSchemaBinder.Root bound = ReadSchemaBinder.bind(readSchema, fileSchema, mode);
    this.root = bound.filler();
    this.flat = bound.flat();
    this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    this.rowGroups = reader.getRowGroups();
    this.materializer = new RecordMaterializer<>() {
      @Override
      public Void getCurrentRecord() {
        return null; // the converters have already appended the row to the vectors
      }

      @Override
      public GroupConverter getRootConverter() {
        return root;
      }
    };
    this.readsFile = bound.requested().getFieldCount() > 0;
    if (readsFile) {
      reader.setRequestedSchema(bound.requested());
    } // else only missing columns (or none) were asked for: rows come from the footer's counts
    this.columnIO = bound.nested().getFieldCount() > 0
        ? new ColumnIOFactory(createdBy).getColumnIO(bound.nested(), fileSchema, true /* strict */)
        : null;
  }

  /**
   * Opens a data file and reads its footer.
   *
   * @param file the file's absolute location
   * @param knownSize the file's size when known (the add action's {@code size}), which saves a
   *     request on object stores
   * @param readSchema the columns to read: the table schema (logical names, current types)
   *     restricted to the wanted columns; nested structs may be restricted to some of their fields
   * @param mode how columns are found in the file
   * @param table the table as the user named it, for error messages
   * @param displayName the file as errors should name it (the add action's path, say)
   */
  public static ParquetRowReader open(
      StorageBackend storage, URI file, OptionalLong knownSize, StructType readSchema, ColumnMappingMode mode,
      String table, String displayName) {
    Objects.requireNonNull(readSchema, "readSchema");
    Objects.requireNonNull(mode, "mode");
    StorageInputFile input = new StorageInputFile(storage, file, knownSize);
    SeekableInputStream stream = null;
    ParquetFileReader reader = null;
    try {
      stream = input.newStream();
      // Given its stream, Parquet does not close it when the footer is unreadable: we do.
      reader = ParquetFileReader.open(input, ParquetDefaults.readOptions(), stream);
      return new ParquetRowReader(table, displayName, input, reader, readSchema, mode);
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader != null ? reader : stream, e);
      throw DataFileErrors.translate(e, table, displayName, file, -1);
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !closed) {
      try {
        pending = readBatch();
      } catch (IOException | RuntimeException e) {
        close();
        throw DataFileErrors.translate(e, table, displayName, file.location(), nextRowIndex);
      }
    }
    return pending != null;
  }

  @Override
  public RowBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowBatch batch = pending;
    pending = null;
    return batch;
  }

  /** Bytes fetched from storage so far, footer included. */
  public long bytesRead() {
    return file.bytesRead();
  }

  /** Rows in the file, from its footer. */
  public long rowCount() {
    return reader.getRecordCount();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(reader, null);
    }
  }

  private RowBatch readBatch() throws IOException {
    while (rowsLeftInGroup == 0) {
      if (!nextRowGroup()) {
        close();
        return null;
      }
    }
    int n = (int) Math.min(BATCH_SIZE, rowsLeftInGroup);
    StructVector columns = root.newVector(n);
    long first = nextRowIndex;
    if (readsFile) {
      flat.read(columns, n); // first, so that the row ends below see these fields as delivered
    }
    for (int i = 0; i < n; i++) {
      if (records != null) {
        records.read();
      } else {
        root.start(); // no nested column: the row ends, nulls go to the fields not read
        root.end();
      }
      nextRowIndex++;
    }
    rowsLeftInGroup -= n;
    return new RowBatch(columns, first);
  }

  /** Moves to the next row group with rows; false at the end of the file. */
  private boolean nextRowGroup() throws IOException {
    if (nextRowGroup >= rowGroups.size()) {
      return false;
    }
    BlockMetaData block = rowGroups.get(nextRowGroup++);
    if (block.getRowIndexOffset() >= 0) {
      nextRowIndex = block.getRowIndexOffset(); // from the footer, robust even if groups were skipped
    }
    rowsLeftInGroup = block.getRowCount();
    if (!readsFile) {
      return true;
    }
    PageReadStore pages = reader.readNextRowGroup();
    if (pages == null) {
      throw new IOException("the footer lists " + rowGroups.size() + " row groups, but row group "
          + nextRowGroup + " cannot be read");
    }
    flat.startRowGroup(pages, createdBy);
    records = columnIO == null ? null : columnIO.getRecordReader(pages, materializer, FilterCompat.NOOP);
    return true;
  }

  /** Closes after a failure (adding a failure to close to it) or at the end (logging it). */
  private static void closeQuietly(AutoCloseable resource, Exception failure) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        LOG.debug("Closing a Parquet reader failed: {}", e.toString());
      }
    }
  }
}
