package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.delta4j.data.ParquetActionWriter.Layout;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed add columns as written: one row per add, parsed from its strings, null where they do not parse. */
class ParsedAddColumnsTest {
  static final StructType SCHEMA = new StructType(List.of(
      new StructField("id", PrimitiveType.LONG, true),
      new StructField("day", PrimitiveType.DATE, true),
      new StructField("n", PrimitiveType.INTEGER, true)));

  @TempDir Path dir;

  static AddFile add(String path, Map<String, String> partitions, Optional<String> stats) {
    return new AddFile(path, partitions, 1, 2, true, stats, Map.of(), Optional.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty());
  }

  static Map<String, String> partitions(String day, String n) {
    Map<String, String> m = new HashMap<>();
    m.put("day", day);
    m.put("n", n);
    return m;
  }

  @Test
  void eachAddGetsItsTypedValues() throws IOException {
    ParsedAddColumns columns = ParsedAddColumns.of(SCHEMA, List.of("day", "n"), ColumnMappingMode.NONE, 32, List.of(), false);
    Path file = dir.resolve("c.parquet");
    try (ParquetActionWriter w = ParquetActionWriter.create(new CountingStorage(), file.toUri(), Layout.V1_CHECKPOINT,
        false, Optional.of(columns))) {
      w.write(add("a", partitions("2024-05-01", "7"), Optional.of("{\"numRecords\":2,\"minValues\":{\"id\":-3},"
          + "\"maxValues\":{\"id\":\"x\"},\"nullCount\":{\"id\":1}}")));
      w.write(add("b", partitions("not a date", null), Optional.of("{not json")));
      w.write(add("c", partitions(null, "99999999999"), Optional.empty()));
      w.write(new RemoveFile("d", OptionalLong.of(1), true, Optional.of(true), Optional.of(partitions("2024-05-01", "1")),
          OptionalLong.of(1), Optional.empty(), Map.of(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty()));
      w.finish();
    }
    MessageType schema;
    List<Group> rows = new ArrayList<>();
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      schema = r.getFooter().getFileMetaData().getSchema();
      for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
        RecordReader<Group> records =
            new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    }
    assertEquals("optional group partitionValues_parsed {\n  optional int32 day (DATE);\n  optional int32 n;\n}",
        schema.getType("add").asGroupType().getType("partitionValues_parsed").toString());
    assertFalse(schema.getType("remove").asGroupType().containsField("stats_parsed"), "tombstones carry no stats");

    Group a = rows.get(0).getGroup("add", 0);
    Group pa = a.getGroup("partitionValues_parsed", 0);
    assertEquals(LocalDate.of(2024, 5, 1).toEpochDay(), pa.getInteger("day", 0));
    assertEquals(7, pa.getInteger("n", 0));
    Group sa = a.getGroup("stats_parsed", 0);
    assertEquals(2, sa.getLong("numRecords", 0));
    assertEquals(-3, sa.getGroup("minValues", 0).getLong("id", 0));
    assertEquals(0, sa.getGroup("maxValues", 0).getFieldRepetitionCount("id"), "not a number: null");
    assertEquals(1, sa.getGroup("nullCount", 0).getLong("id", 0));

    Group b = rows.get(1).getGroup("add", 0);
    assertEquals(0, b.getGroup("partitionValues_parsed", 0).getFieldRepetitionCount("day"), "unparseable: null");
    assertEquals(0, b.getGroup("partitionValues_parsed", 0).getFieldRepetitionCount("n"), "a null partition");
    assertEquals(0, b.getFieldRepetitionCount("stats_parsed"), "malformed statistics: no struct");

    Group c = rows.get(2).getGroup("add", 0);
    assertEquals(0, c.getGroup("partitionValues_parsed", 0).getFieldRepetitionCount("n"), "out of int range");
    assertEquals(0, c.getFieldRepetitionCount("stats_parsed"), "no statistics");
  }
}
