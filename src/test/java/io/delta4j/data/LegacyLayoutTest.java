package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maps and lists in the layouts older Parquet writers used (no shared table has them): legacy
 * {@code MAP_KEY_VALUE} maps, two-level and one-level lists.
 */
class LegacyLayoutTest {
  @TempDir Path dir;
  private final CountingStorage storage = new CountingStorage();

  @Test
  void legacyMapKeyValueMaps() throws IOException {
    Path file = TestParquet.write(dir.resolve("map.parquet"), """
        message m {
          optional group add {
            optional binary path (UTF8); optional int64 size; optional int64 modificationTime;
            optional group partitionValues (MAP_KEY_VALUE) {
              repeated group map (MAP_KEY_VALUE) { required binary key (UTF8); optional binary value (UTF8); }
            }
            optional group tags (MAP) {
              repeated group entries { required binary k (UTF8); optional binary v (UTF8); }
            }
          }
        }""",
        row -> {
          var add = row.addGroup("add").append("path", "p").append("size", 1L).append("modificationTime", 2L);
          var pv = add.addGroup("partitionValues");
          pv.addGroup("map").append("key", "date").append("value", "2024-05-01");
          pv.addGroup("map").append("key", "region"); // a null partition value
          add.addGroup("tags").addGroup("entries").append("k", "a").append("v", "b");
        });
    AddFile add = (AddFile) ActionReading.readAll(storage, file, Set.of(ActionType.ADD)).get(0);
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("date", "2024-05-01");
    expected.put("region", null);
    assertEquals(expected, add.partitionValues());
    assertEquals(List.of("date", "region"), List.copyOf(add.partitionValues().keySet()));
    assertEquals(Map.of("a", "b"), add.tags());
  }

  @Test
  void twoLevelAndOneLevelLists() throws IOException {
    Path file = TestParquet.write(dir.resolve("list.parquet"), """
        message m {
          optional group protocol {
            required int32 minReaderVersion; required int32 minWriterVersion;
            repeated binary readerFeatures (UTF8);
            optional group writerFeatures (LIST) { repeated binary array (UTF8); }
          }
          optional group metaData {
            optional binary id (UTF8);
            optional group partitionColumns (LIST) { repeated group bag { optional binary item (UTF8); } }
          }
        }""",
        row -> {
          var p = row.addGroup("protocol").append("minReaderVersion", 3).append("minWriterVersion", 7);
          p.append("readerFeatures", "deletionVectors").append("readerFeatures", "columnMapping");
          p.addGroup("writerFeatures").append("array", "deletionVectors").append("array", "appendOnly");
        },
        row -> row.addGroup("metaData").append("id", "x").addGroup("partitionColumns")
            .addGroup("bag").append("item", "date"),
        row -> row.addGroup("protocol").append("minReaderVersion", 1).append("minWriterVersion", 2));
    List<Action> actions = ActionReading.readAll(storage, file, ActionType.all());
    assertEquals(new Protocol(3, 7, Set.of("deletionVectors", "columnMapping"), Set.of("deletionVectors", "appendOnly")),
        actions.get(0));
    assertEquals(List.of("date"), ((Metadata) actions.get(1)).partitionColumns());
    assertEquals("", ((Metadata) actions.get(1)).schemaString()); // absent column reads as empty
    assertEquals(new Protocol(1, 2), actions.get(2)); // lists reset between rows
  }
}
