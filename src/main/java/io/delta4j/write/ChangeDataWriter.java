package io.delta4j.write;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.WriteOptions;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes change data files (PROTOCOL.md, "Add CDC File", "Change Data Files"): the table's rows
 * plus a {@code _change_type} column, under {@code _change_data/} with the table's partitioning.
 * A commit that has {@code cdc} actions is read by the change data feed from them alone, so the
 * commit must record every row it changes in them.
 */
final class ChangeDataWriter implements Closeable {
  static final String CHANGE_TYPE = "_change_type";
  static final String DIRECTORY = "_change_data/";

  private final StructType schema;
  private final DataFileWriter files;

  ChangeDataWriter(String table, long version, StorageBackend storage, URI root, StructType tableSchema, List<String> partitionColumns,
      Map<String, String> properties, WriteOptions options, Clock clock) {
    List<StructField> fields = new ArrayList<>(tableSchema.fields());
    fields.add(new StructField(CHANGE_TYPE, PrimitiveType.STRING, true));
    this.schema = new StructType(fields);
    WriteLayout layout = WriteLayout.of(table, version, schema, partitionColumns, properties, options);
    this.files = new DataFileWriter(storage, root, layout, clock, DIRECTORY, "cdc");
  }

  /** Records each row (of the table's schema) as a change of this type ({@code delete}, {@code insert}). */
  void writeAll(CloseableIterator<Row> rows, String changeType) throws IOException {
    try (rows) {
      while (rows.hasNext()) {
        write(rows.next(), changeType);
      }
    }
  }

  void write(Row row, String changeType) throws IOException {
    Object[] values = new Object[schema.length()];
    for (int i = 0; i < values.length - 1; i++) {
      values[i] = row.get(i);
    }
    values[values.length - 1] = changeType;
    files.write(Row.of(schema, values));
  }

  /** The {@code cdc} actions of the files written. */
  List<AddCdcFile> finish() throws IOException {
    List<AddCdcFile> out = new ArrayList<>();
    for (AddFile f : files.finish()) {
      out.add(new AddCdcFile(f.path(), f.partitionValues(), f.size(), false /* dataChange */, Map.of()));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}
