package io.delta4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The floor for listing files from a checkpoint (issue 3's target for table c: delta4j's
 * open + list within 2x of this): parquet-hadoop alone reading the {@code add} column of every
 * Parquet file of the table's checkpoint (a classic checkpoint, its parts, or a V2 checkpoint's
 * top-level file and sidecars), all of {@code add}'s fields but {@code stats_parsed}, into
 * parquet's example {@link Group} records, one file after the other. No log listing, no JSON,
 * no reconciliation.
 */
final class ParquetBaseline {
  static final String VERSION = "1.16.0 (add column of the checkpoint files, example Group records)";

  private ParquetBaseline() {}

  static Workload workload(String workload, String path, Options o) throws IOException {
    long version = Long.parseLong(o.require("checkpoint-version"));
    List<Path> files = checkpointFiles(Path.of(path).toAbsolutePath(), version);
    Configuration conf = new Configuration();
    return () -> {
      long adds = 0;
      for (Path f : files) {
        adds += readAdds(f, conf);
      }
      return new Outcome(files, adds, version);
    };
  }

  /** The checkpoint's Parquet files: top-level ones of that version and, for V2, the sidecars. */
  static List<Path> checkpointFiles(Path table, long version) throws IOException {
    Path log = table.resolve("_delta_log");
    String prefix = String.format("%020d.checkpoint", version);
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(log)) {
      s.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".parquet"))
          .sorted()
          .forEach(out::add);
    }
    Path sidecars = log.resolve("_sidecars");
    if (Files.isDirectory(sidecars)) {
      try (Stream<Path> s = Files.list(sidecars)) {
        s.filter(f -> f.toString().endsWith(".parquet")).sorted().forEach(out::add);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no Parquet checkpoint file for version " + version + " in " + log);
    }
    return out;
  }

  private static long readAdds(Path file, Configuration conf) throws IOException {
    long adds = 0;
    try (ParquetFileReader reader = ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      if (!fileSchema.containsField("add")) {
        return 0; // a V2 top-level file may hold no add column
      }
      MessageType projection = addColumn(fileSchema);
      reader.setRequestedSchema(projection);
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, fileSchema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> rows = io.getRecordReader(pages, new GroupRecordConverter(projection));
        for (long i = 0, n = pages.getRowCount(); i < n; i++) {
          Group row = rows.read();
          if (row.getFieldRepetitionCount("add") > 0) {
            adds++;
          }
        }
      }
    }
    return adds;
  }

  private static MessageType addColumn(MessageType fileSchema) {
    GroupType add = fileSchema.getType("add").asGroupType();
    List<Type> fields = new ArrayList<>();
    for (Type f : add.getFields()) {
      if (!f.getName().equals("stats_parsed")) {
        fields.add(f);
      }
    }
    return new MessageType(fileSchema.getName(), add.withNewFields(fields));
  }
}
