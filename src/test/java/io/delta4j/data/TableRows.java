package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.SharedTables;
import io.delta4j.Snapshot;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.Locations;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads tables and files through {@link ParquetRowReader} for tests: every data file of a table's
 * latest snapshot with its data schema (partition columns left out: the scan layer adds them), or
 * one Parquet file with a given schema.
 */
final class TableRows {
  private TableRows() {}

  /** The rows of a table, and the schema they were read with. */
  record Read(StructType schema, List<Row> rows, int files) {}

  /** A delta-golden table of the shared tables (the test is skipped when they are absent). */
  static Read golden(String name) {
    Path dir = SharedTables.root().resolve("golden/delta-golden").resolve(name);
    Assumptions.assumeTrue(Files.isDirectory(dir), () -> "Shared table not found: " + dir);
    return table(dir);
  }

  static Read table(Path dir) {
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      Snapshot snapshot = table.snapshot();
      StructType schema = dataSchema(snapshot);
      ColumnMappingMode mode = ColumnMappingMode.fromProperties(snapshot.properties());
      List<Row> rows = new ArrayList<>();
      int files = 0;
      try (CloseableIterator<AddFile> adds = snapshot.addFiles()) {
        while (adds.hasNext()) {
          AddFile add = adds.next();
          URI uri = Locations.resolve(table.root(), add.path());
          rows.addAll(read(uri, OptionalLong.of(add.size()), schema, mode, table.name(), add.path()));
          files++;
        }
      }
      return new Read(schema, rows, files);
    }
  }

  /** The table schema without its partition columns. */
  static StructType dataSchema(Snapshot snapshot) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : snapshot.schema().fields()) {
      if (!snapshot.partitionColumns().contains(f.name())) {
        fields.add(f);
      }
    }
    return new StructType(fields);
  }

  static List<Row> file(Path file, StructType schema, ColumnMappingMode mode) {
    return read(file.toUri(), OptionalLong.empty(), schema, mode, "test", file.getFileName().toString());
  }

  static List<Row> read(URI uri, OptionalLong size, StructType schema, ColumnMappingMode mode, String table,
      String name) {
    List<Row> rows = new ArrayList<>();
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), uri, size, schema, mode, table, name)) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        for (int i = 0; i < batch.size(); i++) {
          rows.add(batch.row(i));
        }
      }
    }
    return rows;
  }

  /**
   * The rows of a kernel-rs {@code expected/} folder (Parquet files Spark wrote), read with the
   * Spark schema in their footers, restricted to the columns of {@code schema} (by logical name).
   */
  static List<Row> expected(Path dir, StructType schema) {
    List<Row> rows = new ArrayList<>();
    for (Path file : parquetFiles(dir)) {
      StructType spark = sparkSchema(file);
      List<StructField> fields = new ArrayList<>();
      for (StructField f : schema.fields()) {
        fields.add(spark.field(f.name()).orElseThrow(() -> new AssertionError(file + " has no column " + f.name())));
      }
      rows.addAll(file(file, new StructType(fields), ColumnMappingMode.NONE));
    }
    return rows;
  }

  static List<Path> parquetFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema Spark records in the footer ({@code org.apache.spark.sql.parquet.row.metadata}). */
  static StructType sparkSchema(Path file) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      String json = reader.getFooter().getFileMetaData().getKeyValueMetaData()
          .get("org.apache.spark.sql.parquet.row.metadata");
      if (json == null) {
        throw new AssertionError(file + " has no Spark schema in its footer");
      }
      return SchemaJson.parse(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
