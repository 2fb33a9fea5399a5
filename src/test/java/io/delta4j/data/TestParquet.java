package io.delta4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes small synthetic Parquet files for tests (layouts no shared table has, broken types). */
public final class TestParquet {
  private TestParquet() {}

  /** Writes one row per filler, each filling an empty row of {@code schema}. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static Path write(Path file, String schema, Consumer<Group>... rows) throws IOException {
    return write(file, schema, 128L * 1024 * 1024, List.of(rows));
  }

  /** Same, with a row group size (bytes) to get several row groups. */
  public static Path write(Path file, String schema, long rowGroupSize, List<Consumer<Group>> rows)
      throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    Files.deleteIfExists(file);
    SimpleGroupFactory factory = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(type)
        .withRowGroupSize(rowGroupSize)
        .withPageSize(64 * 1024)
        .build()) {
      for (Consumer<Group> row : rows) {
        Group g = factory.newGroup();
        row.accept(g);
        writer.write(g);
      }
    }
    return file;
  }
}
