package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.StorageBackend;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
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

/**
 * Streams the actions of one Parquet file laid out as PROTOCOL.md's "Checkpoint Schema" (a
 * checkpoint, one part of one, a V2 checkpoint's top-level file, a sidecar), reading only the
 * columns of the wanted action types and only the fields the action records carry.
 *
 * <p>Rows are assembled by Parquet straight into the records through a converter tree; actions
 * are handed out one at a time by {@link #next()}, so the caller's code never runs inside
 * Parquet's record assembly and memory stays bounded by one row group's pages.
 *
 * <p>Errors: {@link StorageReadException} when the storage fails (its cause says how, for example
 * {@link java.nio.file.NoSuchFileException}); {@link MalformedActionException} for a column of the
 * wrong type or a missing required field; any other exception means the file is not valid Parquet.
 * Not thread-safe.
 */
public final class ParquetActionReader implements Closeable {
  private final StorageInputFile file;
  private final ParquetFileReader reader;
  private final MessageType requested;
  private final RecordMaterializer<Void> materializer;
  private final MessageColumnIO columnIO;
  private final AddIdentityColumns identity;
  private final String createdBy;
  private final RowGroupFilter filter;
  private final List<BlockMetaData> blocks;
  private final ArrayDeque<Action> pending = new ArrayDeque<>();
  private RecordReader<Void> rows;
  private long rowsLeft;
  private long actionsLeft = RowGroupFilter.UNKNOWN; // of the current row group, when the footer tells
  private long row;
  private long rowsRead;
  private int nextBlock;
  private int skippedRowGroups;

  private ParquetActionReader(
      StorageInputFile file, ParquetFileReader reader, Set<ActionType> wanted, AddFields addFields) {
    this.file = file;
    this.reader = reader;
    MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
    this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    this.identity = AddIdentityColumns.of(fileSchema, wanted, addFields).orElse(null);
    // Read by columns, the identity needs no converter tree; otherwise the tree decides what is read.
    ActionRowConverter root =
        identity == null ? new ActionRowConverter(fileSchema, wanted, addFields, pending::add) : null;
    this.requested = identity != null ? identity.requested() : root.requested();
    this.materializer = root == null ? null : new RecordMaterializer<>() {
      @Override
      public Void getCurrentRecord() {
        return null; // the converters have already queued the row's actions
      }

      @Override
      public GroupConverter getRootConverter() {
        return root;
      }
    };
    this.blocks = reader.getRowGroups();
    this.filter = new RowGroupFilter(requested);
    if (requested.getFieldCount() > 0) {
      reader.setRequestedSchema(requested);
    }
    if (requested.getFieldCount() > 0 && identity == null) {
      this.columnIO = new ColumnIOFactory(createdBy).getColumnIO(requested, fileSchema, true /* strict */);
    } else {
      this.columnIO = null; // nothing wanted is in this file (no page is fetched), or read by columns
    }
  }

  /**
   * Opens a file and reads its footer.
   *
   * @param knownLength the file's length when known (saves a request on object stores)
   * @param wanted the action types to produce; {@code cdc} and {@code commitInfo} never are
   */
  public static ParquetActionReader open(
      StorageBackend storage, URI location, OptionalLong knownLength, Set<ActionType> wanted)
      throws IOException {
    return open(storage, location, knownLength, wanted, AddFields.ALL);
  }

  /** {@link #open(StorageBackend, URI, OptionalLong, Set)}, decoding only {@code addFields} of adds. */
  public static ParquetActionReader open(
      StorageBackend storage, URI location, OptionalLong knownLength, Set<ActionType> wanted,
      AddFields addFields) throws IOException {
    StorageInputFile file = new StorageInputFile(storage, location, knownLength);
    SeekableInputStream stream = file.newStream();
    ParquetFileReader reader = null;
    try {
      // Given its stream, Parquet does not close it when the footer is unreadable: we do.
      reader = ParquetFileReader.open(file, ParquetDefaults.readOptions(), stream);
      return new ParquetActionReader(file, reader, wanted, addFields);
    } catch (IOException | RuntimeException | Error e) {
      try {
        if (reader != null) {
          reader.close();
        } else {
          stream.close();
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The next wanted action, or null at the end of the file. */
  public Action next() throws IOException {
    while (pending.isEmpty()) {
      if ((rowsLeft == 0 || actionsLeft == 0) && !nextRowGroup()) {
        return null;
      }
      rowsLeft--;
      row++;
      rowsRead++;
      try {
        if (identity == null) {
          rows.read();
        } else {
          AddFile add = identity.next();
          if (add != null) {
            pending.add(add);
          }
        }
      } catch (MalformedActionException e) {
        throw new MalformedActionException("row " + row + ": " + e.getMessage());
      }
      if (actionsLeft != RowGroupFilter.UNKNOWN) {
        actionsLeft = Math.max(0, actionsLeft - pending.size());
      }
    }
    return pending.poll();
  }

  private boolean nextRowGroup() throws IOException {
    row += rowsLeft; // the rest of a row group whose wanted actions were all found is not read
    rowsLeft = 0;
    while ((columnIO != null || identity != null) && nextBlock < blocks.size()) {
      BlockMetaData block = blocks.get(nextBlock++);
      long actions = filter.actions(block);
      if (block.getRowCount() == 0 || actions == 0) {
        skippedRowGroups += block.getRowCount() == 0 ? 0 : 1;
        reader.skipNextRowGroup();
        row += block.getRowCount();
        continue;
      }
      PageReadStore pages = reader.readNextRowGroup();
      if (pages == null) {
        return false;
      }
      if (identity != null) {
        identity.startRowGroup(pages, createdBy);
      } else {
        rows = columnIO.getRecordReader(pages, materializer, FilterCompat.NOOP);
      }
      rowsLeft = pages.getRowCount();
      actionsLeft = filter.stopAfter(block);
      return true;
    }
    return false;
  }

  /** The leaf columns read, as dotted paths (for example {@code add.partitionValues.key_value.key}). */
  public List<String> requestedColumns() {
    List<String> out = new ArrayList<>();
    for (ColumnDescriptor c : requested.getColumns()) {
      out.add(String.join(".", c.getPath()));
    }
    return out;
  }

  /** Bytes fetched from storage so far, footer included. */
  public long bytesRead() {
    return file.bytesRead();
  }

  /** Rows decoded so far: rows of skipped row groups, and rows left unread, are not counted. */
  public long rowsRead() {
    return rowsRead;
  }

  /** Row groups passed over because their footer statistics showed no wanted action. */
  public int skippedRowGroups() {
    return skippedRowGroups;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
