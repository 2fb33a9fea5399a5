package io.delta4j;

import io.delta4j.data.TestParquet;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.RemoveFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.apache.parquet.example.data.Group;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Small change data feed tables written by hand: data and cdc files with parquet-hadoop's example
 * writer, deletion vectors with the RoaringBitmap library, commits with {@link TestLog}.
 */
final class ChangeFixture {
  static final String ID_SCHEMA = "{\"type\":\"struct\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}";
  static final String ID_PART_SCHEMA = "{\"type\":\"struct\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"part\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}}]}";
  static final String ID_NAME_SCHEMA = "{\"type\":\"struct\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"name\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}";
  static final Map<String, String> CDF = Map.of("delta.enableChangeDataFeed", "true");

  final Path root;
  final TestLog log;

  ChangeFixture(Path root) throws IOException {
    this.root = root;
    this.log = new TestLog(root);
  }

  static Metadata metadata(String schema, List<String> partitionColumns, Map<String, String> configuration) {
    return new Metadata("test-id", Optional.empty(), Optional.empty(), Format.parquet(), schema, partitionColumns,
        OptionalLong.of(0), configuration);
  }

  static CommitInfo operation(String operation) {
    String json = "{\"operation\":\"" + operation + "\"}";
    return new CommitInfo(OptionalLong.empty(), OptionalLong.empty(), Optional.of(operation), Map.of(),
        OptionalLong.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), json);
  }

  /** A data file of longs in column {@code id}. */
  Path ids(String name, long... ids) throws IOException {
    return write(name, "message m { optional int64 id; }", ids.length, (g, i) -> g.add("id", ids[i]));
  }

  /** A data file of (id, name) rows. */
  Path idNames(String name, long[] ids, String[] names) throws IOException {
    return write(name, "message m { optional int64 id; optional binary name (STRING); }", ids.length, (g, i) -> {
      g.add("id", ids[i]);
      g.add("name", names[i]);
    });
  }

  /** A cdc file: ids with their change types. */
  Path cdc(String name, long[] ids, String[] types) throws IOException {
    return write(name, "message m { optional int64 id; optional binary _change_type (STRING); }", ids.length, (g, i) -> {
      g.add("id", ids[i]);
      g.add("_change_type", types[i]);
    });
  }

  interface RowFiller {
    void fill(Group g, int i);
  }

  @SuppressWarnings("unchecked")
  private Path write(String name, String schema, int n, RowFiller filler) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Consumer<Group>[] rows = new Consumer[n];
    for (int i = 0; i < n; i++) {
      int row = i;
      rows[i] = g -> filler.fill(g, row);
    }
    return TestParquet.write(file, schema, rows);
  }

  AddFile add(String name, Map<String, String> partitionValues, boolean dataChange,
      Optional<DeletionVectorDescriptor> dv) throws IOException {
    return new AddFile(name, partitionValues, Files.size(root.resolve(name)), 1, dataChange, Optional.empty(), Map.of(),
        dv, OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
  }

  AddFile add(String name) throws IOException {
    return add(name, Map.of(), true, Optional.empty());
  }

  RemoveFile remove(String name, Map<String, String> partitionValues, boolean dataChange,
      Optional<DeletionVectorDescriptor> dv) throws IOException {
    return new RemoveFile(name, OptionalLong.of(5), dataChange, Optional.of(true), Optional.ofNullable(partitionValues),
        OptionalLong.of(Files.size(root.resolve(name))), Optional.empty(), Map.of(), dv, OptionalLong.empty(),
        OptionalLong.empty());
  }

  RemoveFile remove(String name) throws IOException {
    return remove(name, Map.of(), true, Optional.empty());
  }

  AddCdcFile cdcAction(String name, Map<String, String> partitionValues) throws IOException {
    return new AddCdcFile(name, partitionValues, Files.size(root.resolve(name)), false, Map.of());
  }

  /**
   * A deletion vector of {@code rows} in a file of its own, named by absolute path ({@code p}),
   * as PROTOCOL.md "Deletion Vector File Storage Format" lays it out.
   */
  Optional<DeletionVectorDescriptor> dv(String name, long... rows) throws IOException {
    Roaring64NavigableMap map = new Roaring64NavigableMap(false /* signedLongs */);
    map.add(rows);
    ByteArrayOutputStream bitmap = new ByteArrayOutputStream();
    bitmap.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1681511377).array());
    map.serializePortable(new DataOutputStream(bitmap));
    byte[] bytes = bitmap.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(1); // format version
    file.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
    file.write(bytes);
    file.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    Path path = Files.write(root.resolve(name), file.toByteArray());
    return Optional.of(new DeletionVectorDescriptor("p", path.toUri().toString(), OptionalInt.of(1), bytes.length,
        rows.length));
  }
}
