package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.data.ParquetActionWriter.Layout;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import io.delta4j.storage.Abortable;
import io.delta4j.storage.ForwardingStorage;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint Parquet writer: schema, every field read back, atomicity. */
class ParquetActionWriterTest {
  @TempDir Path dir;

  private final CountingStorage storage = new CountingStorage();

  static final Protocol LEGACY = new Protocol(1, 2);
  static final Protocol FEATURES =
      new Protocol(3, 7, Set.of("deletionVectors"), Set.of("deletionVectors", "domainMetadata", "appendOnly"));
  static final Metadata METADATA = new Metadata("id-1", Optional.of("name"), Optional.of("description"),
      new Format("parquet", Map.of("opt", "x")), "{\"type\":\"struct\",\"fields\":[]}", List.of("a", "b"),
      OptionalLong.of(17), Map.of("delta.appendOnly", "true", "k", ""));
  static final Metadata BARE = new Metadata("id-2", Optional.empty(), Optional.empty(), Format.parquet(), "{}",
      List.of(), OptionalLong.empty(), Map.of());

  static Map<String, String> partitions() {
    Map<String, String> m = new HashMap<>();
    m.put("a", "x=1 /é");
    m.put("b", null);
    return m;
  }

  static final AddFile FULL_ADD = new AddFile("a=x/f%20.parquet", partitions(), 10, 20, true,
      Optional.of("{\"numRecords\":3}"), Map.of("t", "v"),
      Optional.of(new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", OptionalInt.of(4), 36, 2)),
      OptionalLong.of(100), OptionalLong.of(5), Optional.of("liquid"));
  static final AddFile BARE_ADD = new AddFile("g.parquet", Map.of(), 1, 2, false, Optional.empty(), Map.of(),
      Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
  static final RemoveFile FULL_REMOVE = new RemoveFile("h.parquet", OptionalLong.of(30), true, Optional.of(true),
      Optional.of(partitions()), OptionalLong.of(11), Optional.empty(), Map.of(),
      Optional.of(new DeletionVectorDescriptor("i", "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L",
          OptionalInt.empty(), 40, 5)), OptionalLong.of(7), OptionalLong.of(8));
  static final RemoveFile BARE_REMOVE = new RemoveFile("i.parquet", OptionalLong.empty(), false, Optional.empty(),
      Optional.empty(), OptionalLong.empty(), Optional.empty(), Map.of(), Optional.empty(), OptionalLong.empty(),
      OptionalLong.empty());

  private Path write(Layout layout, boolean statsAsJson, Action... actions) throws IOException {
    Path file = dir.resolve(layout + "-" + statsAsJson + ".parquet");
    try (ParquetActionWriter w = ParquetActionWriter.create(storage, file.toUri(), layout, statsAsJson)) {
      for (Action a : actions) {
        w.write(a);
      }
      assertEquals(actions.length, w.actions());
      long bytes = w.finish();
      assertEquals(Files.size(file), bytes);
    }
    return file;
  }

  private static List<String> leaves(MessageType schema) {
    List<String> out = new ArrayList<>();
    for (ColumnDescriptor c : schema.getColumns()) {
      out.add(String.join(".", c.getPath()));
    }
    return out;
  }

  private static MessageType schemaOf(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      return r.getFooter().getFileMetaData().getSchema();
    }
  }

  @Test
  void v1SchemaHasDeltasColumnsInDeltasLayouts() throws IOException {
    MessageType schema = schemaOf(write(Layout.V1_CHECKPOINT, true, LEGACY));
    assertEquals(List.of("txn", "add", "remove", "metaData", "protocol", "domainMetadata"),
        schema.getFields().stream().map(f -> f.getName()).toList());
    String map = ".key_value.key|.key_value.value";
    String dv = "storageType|pathOrInlineDv|offset|sizeInBytes|cardinality";
    List<String> expected = new ArrayList<>();
    expected.addAll(expand("txn.", "appId|version|lastUpdated"));
    expected.addAll(expand("add.", "path|partitionValues" + map.replace("|", "|partitionValues")
        + "|size|modificationTime|dataChange|stats|tags" + map.replace("|", "|tags")
        + "|" + dv.replaceAll("([a-zA-Z]+)", "deletionVector.$1") + "|baseRowId|defaultRowCommitVersion|clusteringProvider"));
    expected.addAll(expand("remove.", "path|deletionTimestamp|dataChange|extendedFileMetadata|partitionValues"
        + map.replace("|", "|partitionValues") + "|size|" + dv.replaceAll("([a-zA-Z]+)", "deletionVector.$1")
        + "|baseRowId|defaultRowCommitVersion"));
    expected.addAll(expand("metaData.", "id|name|description|format.provider|format.options"
        + map.replace("|", "|format.options") + "|schemaString|partitionColumns.list.element|configuration"
        + map.replace("|", "|configuration") + "|createdTime"));
    expected.addAll(expand("protocol.", "minReaderVersion|minWriterVersion|readerFeatures.list.element"
        + "|writerFeatures.list.element"));
    expected.addAll(expand("domainMetadata.", "domain|configuration|removed"));
    assertEquals(expected, leaves(schema));
    assertTrue(schema.getColumns().stream().allMatch(c -> c.getMaxRepetitionLevel() == 0
        || String.join(".", c.getPath()).matches(".*\\.(key_value\\.(key|value)|list\\.element)")));
    assertEquals("optional group partitionValues (MAP) {\n  repeated group key_value {\n    required binary key (STRING);\n"
        + "    optional binary value (STRING);\n  }\n}",
        schema.getType("add").asGroupType().getType("partitionValues").toString().trim());
    assertEquals("optional group partitionColumns (LIST) {\n  repeated group list {\n    optional binary element (STRING);\n  }\n}",
        schema.getType("metaData").asGroupType().getType("partitionColumns").toString().trim());
  }

  private static List<String> expand(String prefix, String fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields.split("\\|")) {
      out.add(prefix + f);
    }
    return out;
  }

  @Test
  void otherLayouts() throws IOException {
    assertEquals(List.of("add", "remove"),
        schemaOf(write(Layout.SIDECAR, true, BARE_ADD)).getFields().stream().map(f -> f.getName()).toList());
    assertEquals(List.of("txn", "metaData", "protocol", "domainMetadata", "checkpointMetadata", "sidecar"),
        schemaOf(write(Layout.V2_CHECKPOINT, true, LEGACY)).getFields().stream().map(f -> f.getName()).toList());
    MessageType noStats = schemaOf(write(Layout.V1_CHECKPOINT, false, LEGACY));
    assertFalse(noStats.getType("add").asGroupType().containsField("stats"));
    assertTrue(noStats.getType("add").asGroupType().containsField("tags"));
  }

  @Test
  void everyFieldReadsBack() throws IOException {
    Path file = write(Layout.V1_CHECKPOINT, true, FEATURES, METADATA, BARE, LEGACY,
        new SetTransaction("app", 3, OptionalLong.of(99)), new SetTransaction("other", -1, OptionalLong.empty()),
        new DomainMetadata("d", "{\"x\":1}", false), FULL_ADD, BARE_ADD, FULL_REMOVE, BARE_REMOVE);
    List<Action> read = ActionReading.readAll(storage, file, ActionType.all());
    assertEquals(List.of(FEATURES, METADATA, BARE, LEGACY,
        new SetTransaction("app", 3, OptionalLong.of(99)), new SetTransaction("other", -1, OptionalLong.empty()),
        new DomainMetadata("d", "{\"x\":1}", false),
        withDataChangeFalse(FULL_ADD), BARE_ADD, withDataChangeFalse(FULL_REMOVE), BARE_REMOVE), read);
  }

  @Test
  void v2ActionsReadBack() throws IOException {
    Sidecar sidecar = new Sidecar("3a0d65cd-4056-49b8-937b-95f9e3ee90e5.parquet", 123, 456, Map.of("t", "1"));
    Path file = write(Layout.V2_CHECKPOINT, true, new CheckpointMetadata(7, Map.of()), FEATURES, METADATA, sidecar,
        new CheckpointMetadata(8, Map.of("a", "b")));
    assertEquals(List.of(new CheckpointMetadata(7, Map.of()), FEATURES, METADATA, sidecar,
        new CheckpointMetadata(8, Map.of("a", "b"))), ActionReading.readAll(storage, file, ActionType.all()));
  }

  @Test
  void featureListsAreNullWithoutTableFeaturesAndTagsNullWhenEmpty() throws IOException {
    Path file = write(Layout.V1_CHECKPOINT, true, LEGACY, new Protocol(3, 7), BARE_ADD, FULL_ADD);
    List<Group> rows = new ArrayList<>();
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
        RecordReader<Group> records =
            new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    }
    Group legacy = rows.get(0).getGroup("protocol", 0);
    assertEquals(0, legacy.getFieldRepetitionCount("readerFeatures"), "null: \"Checkpoint Schema\"");
    assertEquals(0, legacy.getFieldRepetitionCount("writerFeatures"));
    Group features = rows.get(1).getGroup("protocol", 0);
    assertEquals(1, features.getFieldRepetitionCount("readerFeatures"), "not null, though empty");
    assertEquals(0, features.getGroup("readerFeatures", 0).getFieldRepetitionCount("list"));
    assertEquals(1, features.getFieldRepetitionCount("writerFeatures"));
    Group bare = rows.get(2).getGroup("add", 0);
    assertEquals(0, bare.getFieldRepetitionCount("tags"));
    assertEquals(1, bare.getFieldRepetitionCount("partitionValues"), "required: an empty map, not null");
    assertEquals(0, bare.getFieldRepetitionCount("stats"));
    assertEquals(0, bare.getFieldRepetitionCount("deletionVector"));
    assertFalse(bare.getBoolean("dataChange", 0));
    Group full = rows.get(3).getGroup("add", 0);
    assertFalse(full.getBoolean("dataChange", 0), "dataChange is stored false in checkpoints");
    Group pv = full.getGroup("partitionValues", 0);
    assertEquals(2, pv.getFieldRepetitionCount("key_value"));
    assertEquals(0, pv.getGroup("key_value", 1).getFieldRepetitionCount("value"), "a null partition value");
  }

  @Test
  void snappyWithNullCountsInTheFooter() throws IOException {
    Path file = write(Layout.V1_CHECKPOINT, true, LEGACY, BARE, BARE_ADD);
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      for (BlockMetaData block : r.getFooter().getBlocks()) {
        for (ColumnChunkMetaData c : block.getColumns()) {
          assertEquals(CompressionCodecName.SNAPPY, c.getCodec(), c.getPath().toDotString());
        }
        ColumnChunkMetaData addPath = block.getColumns().stream()
            .filter(c -> c.getPath().toDotString().equals("add.path")).findFirst().orElseThrow();
        assertEquals(2, addPath.getStatistics().getNumNulls(), "readers skip row groups by these");
      }
    }
  }

  @Test
  void anActionWithoutAColumnIsRefused() throws IOException {
    URI file = dir.resolve("s.parquet").toUri();
    try (ParquetActionWriter w = ParquetActionWriter.create(storage, file, Layout.SIDECAR, true)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(LEGACY));
      assertEquals(file + " has no protocol column", e.getMessage());
    }
    assertFalse(Files.exists(Path.of(file)), "closed without finish: nothing published");
  }

  @Test
  void closingWithoutFinishPublishesNothing() throws IOException {
    Path file = dir.resolve("c.parquet");
    Files.writeString(file, "the previous checkpoint");
    try (ParquetActionWriter w = ParquetActionWriter.create(storage, file.toUri(), Layout.V1_CHECKPOINT, true)) {
      w.write(LEGACY);
      w.write(BARE_ADD);
      // a failure while streaming the files
    }
    assertEquals("the previous checkpoint", Files.readString(file));
    assertEquals(List.of("c.parquet"), names(dir), "no temp file left");
  }

  @Test
  void aStorageFailureIsReportedAndPublishesNothing() throws IOException {
    Path file = dir.resolve("f.parquet");
    FailingStorage failing = new FailingStorage(100);
    try (ParquetActionWriter w = ParquetActionWriter.create(failing, file.toUri(), Layout.V1_CHECKPOINT, true)) {
      w.write(LEGACY);
      StorageWriteException e = assertThrows(StorageWriteException.class, () -> {
        for (int i = 0; i < 10_000; i++) {
          w.write(FULL_ADD);
        }
        w.finish();
      });
      assertEquals("disk full", e.getCause().getMessage());
    }
    assertFalse(Files.exists(file));
    assertEquals(List.of(), names(dir));
  }

  @Test
  void streamsThatCannotAbortAreClosedAndDeleted() throws IOException {
    Path file = dir.resolve("n.parquet");
    StorageBackend plain = new FailingStorage(Long.MAX_VALUE) {
      @Override
      public OutputStream create(URI location) throws IOException {
        return Files.newOutputStream(Path.of(location)); // visible at once, not abortable
      }
    };
    try (ParquetActionWriter w = ParquetActionWriter.create(plain, file.toUri(), Layout.V1_CHECKPOINT, true)) {
      w.write(LEGACY);
    }
    assertFalse(Files.exists(file));
  }

  @Test
  void aFinishedFileIsReplacedWhole() throws IOException {
    Path first = write(Layout.V1_CHECKPOINT, true, LEGACY, BARE_ADD);
    byte[] before = Files.readAllBytes(first);
    Path second = write(Layout.V1_CHECKPOINT, true, LEGACY, BARE_ADD, FULL_ADD);
    assertEquals(first, second);
    assertFalse(Arrays.equals(before, Files.readAllBytes(second)));
    assertEquals(2, ActionReading.readAll(storage, second, Set.of(ActionType.ADD)).size());
  }

  private static AddFile withDataChangeFalse(AddFile a) {
    return new AddFile(a.path(), a.partitionValues(), a.size(), a.modificationTime(), false, a.stats(), a.tags(),
        a.deletionVector(), a.baseRowId(), a.defaultRowCommitVersion(), a.clusteringProvider());
  }

  private static RemoveFile withDataChangeFalse(RemoveFile r) {
    return new RemoveFile(r.path(), r.deletionTimestamp(), false, r.extendedFileMetadata(), r.partitionValues(),
        r.size(), r.stats(), r.tags(), r.deletionVector(), r.baseRowId(), r.defaultRowCommitVersion());
  }

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Local storage whose created files fail once {@code limit} bytes were written. */
  static class FailingStorage extends ForwardingStorage {
    private final long limit;

    FailingStorage(long limit) {
      this.limit = limit;
    }

    @Override
    public OutputStream create(URI location) throws IOException {
      OutputStream out = super.create(location);
      return new AbortableStream(out, limit);
    }
  }

  /** Passes writes through until the limit, then fails like a full disk; aborts like the delegate. */
  static final class AbortableStream extends OutputStream implements Abortable {
    private final OutputStream out;
    private final long limit;
    private long written;

    AbortableStream(OutputStream out, long limit) {
      this.out = out;
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > limit) {
        throw new IOException("disk full");
      }
      written += len;
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    @Override
    public void abort() throws IOException {
      ((Abortable) out).abort();
    }
  }
}
