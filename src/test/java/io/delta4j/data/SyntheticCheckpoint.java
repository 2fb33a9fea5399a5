package io.delta4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;

/**
 * A large checkpoint shaped like Spark's (protocol and metadata first, then many adds with JSON
 * stats), for measuring what a projection reads.
 */
final class SyntheticCheckpoint {
  static final String SCHEMA = """
      message spark_schema {
        optional group txn { optional binary appId (STRING); optional int64 version; optional int64 lastUpdated; }
        optional group add {
          optional binary path (STRING);
          optional group partitionValues (MAP) {
            repeated group key_value { required binary key (STRING); optional binary value (STRING); }
          }
          optional int64 size; optional int64 modificationTime; optional boolean dataChange;
          optional binary stats (STRING);
          optional group tags (MAP) {
            repeated group key_value { required binary key (STRING); optional binary value (STRING); }
          }
          optional group deletionVector {
            optional binary storageType (STRING); optional binary pathOrInlineDv (STRING); optional int32 offset;
            optional int32 sizeInBytes; optional int64 cardinality; optional int64 maxRowIndex;
          }
        }
        optional group remove { optional binary path (STRING); optional int64 deletionTimestamp; optional boolean dataChange; }
        optional group metaData {
          optional binary id (STRING); optional binary name (STRING); optional binary description (STRING);
          optional group format {
            optional binary provider (STRING);
            optional group options (MAP) {
              repeated group key_value { required binary key (STRING); optional binary value (STRING); }
            }
          }
          optional binary schemaString (STRING);
          optional group partitionColumns (LIST) { repeated group list { optional binary element (STRING); } }
          optional group configuration (MAP) {
            repeated group key_value { required binary key (STRING); optional binary value (STRING); }
          }
          optional int64 createdTime;
        }
        optional group protocol { optional int32 minReaderVersion; optional int32 minWriterVersion; }
      }""";

  private SyntheticCheckpoint() {}

  static Path write(Path file, int adds, long rowGroupSize) throws IOException {
    List<Consumer<Group>> rows = new ArrayList<>();
    rows.add(row -> row.addGroup("protocol").append("minReaderVersion", 1).append("minWriterVersion", 2));
    rows.add(row -> {
      Group m = row.addGroup("metaData").append("id", "synthetic")
          .append("schemaString", "{\"type\":\"struct\",\"fields\":[]}").append("createdTime", 1L);
      m.addGroup("format").append("provider", "parquet");
      m.addGroup("partitionColumns").addGroup("list").append("element", "date");
      m.addGroup("configuration").addGroup("key_value").append("key", "delta.appendOnly").append("value", "false");
    });
    for (int i = 0; i < adds; i++) {
      int n = i;
      rows.add(row -> {
        Group add = row.addGroup("add")
            .append("path", String.format("date=2024-05-%02d/part-%05d-%08x-c000.snappy.parquet", n % 28 + 1, n, n * 2654435761L))
            .append("size", 1000L + n).append("modificationTime", 1_700_000_000_000L + n).append("dataChange", false)
            .append("stats", "{\"numRecords\":" + (n % 977) + ",\"minValues\":{\"id\":" + n + ",\"name\":\"n" + (n * 7919L)
                + "\"},\"maxValues\":{\"id\":" + (n + 999) + ",\"name\":\"z" + (n * 104729L) + "\"},\"nullCount\":{\"id\":0,\"name\":"
                + (n % 5) + "}}");
        add.addGroup("partitionValues").addGroup("key_value").append("key", "date")
            .append("value", String.format("2024-05-%02d", n % 28 + 1));
      });
    }
    return TestParquet.write(file, SCHEMA, rowGroupSize, rows);
  }
}
