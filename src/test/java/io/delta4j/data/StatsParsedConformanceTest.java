package io.delta4j.data;

import io.delta4j.SharedTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/**
 * For every shared checkpoint that has both {@code add.stats} and {@code add.stats_parsed}, the
 * JSON written from {@code stats_parsed} (read with {@code stats} hidden) means the same as the
 * writer's own {@code stats}: equal once null values are dropped (the JSON form may spell out
 * {@code "min":null}, the struct form cannot tell null from absent).
 */
class StatsParsedConformanceTest {
  private final CountingStorage storage = new CountingStorage();

  @Test
  void statsParsedRendersAsTheWrittenStats() throws IOException {
    Path root = SharedTables.root();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".parquet") && p.toString().contains("_delta_log")).sorted().toList();
    }
    int compared = 0;
    List<String> mismatches = new ArrayList<>();
    for (Path file : files) {
      List<AddFile> withStats = adds(file, false);
      if (withStats == null) {
        continue; // not both columns
      }
      List<AddFile> fromParsed = adds(file, true);
      assertEquals(withStats.size(), fromParsed.size());
      for (int i = 0; i < withStats.size(); i++) {
        if (withStats.get(i).stats().isEmpty()) {
          continue;
        }
        compared++;
        Object expected = withoutNulls(parse(withStats.get(i).stats().get()));
        Object actual = parse(fromParsed.get(i).stats().orElse("{}"));
        if (!expected.equals(actual)) {
          mismatches.add(root.relativize(file) + " row " + i + ":\n  stats:  " + expected + "\n  parsed: " + actual);
        }
      }
    }
    System.out.println("compared stats of " + compared + " adds");
    assertTrue(compared > 50, "too few files with both stats forms: " + compared);
    assertEquals(List.of(), mismatches);
  }

  /** The adds of a file; with {@code hideStats}, as if the file had no {@code stats} column. Null without both columns. */
  private List<AddFile> adds(Path file, boolean hideStats) throws IOException {
    StorageInputFile input = new StorageInputFile(storage, file.toUri(), OptionalLong.empty());
    try (ParquetFileReader reader = ParquetFileReader.open(input, ParquetReadOptions.builder().build())) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      if (!fileSchema.containsField("add")) {
        return null;
      }
      GroupType add = fileSchema.getType("add").asGroupType();
      if (!add.containsField("stats") || !add.containsField("stats_parsed")) {
        return null;
      }
      MessageType view = hideStats ? withoutAddStats(fileSchema, add) : fileSchema;
      List<Action> out = new ArrayList<>();
      ActionRowConverter root = new ActionRowConverter(view, Set.of(ActionType.ADD), AddFields.ALL, out::add);
      reader.setRequestedSchema(root.requested());
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(root.requested(), fileSchema, true);
      RecordMaterializer<Void> materializer = new RecordMaterializer<>() {
        @Override
        public Void getCurrentRecord() {
          return null;
        }

        @Override
        public GroupConverter getRootConverter() {
          return root;
        }
      };
      for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
        RecordReader<Void> rows = io.getRecordReader(pages, materializer, FilterCompat.NOOP);
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.read();
        }
      }
      return out.stream().map(AddFile.class::cast).toList();
    }
  }

  private static MessageType withoutAddStats(MessageType schema, GroupType add) {
    List<Type> addFields = add.getFields().stream().filter(f -> !f.getName().equals("stats")).toList();
    List<Type> top = schema.getFields().stream()
        .map(f -> f.getName().equals("add") ? add.withNewFields(addFields) : f)
        .toList();
    return new MessageType(schema.getName(), top);
  }

  private static Object parse(String json) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      parser.nextToken();
      return JsonValues.read(parser);
    }
  }

  private static Object withoutNulls(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (v != null) {
          out.put(k, withoutNulls(v));
        }
      });
      return out;
    }
    return value;
  }
}
