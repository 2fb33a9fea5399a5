package io.delta4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Skips row groups that hold none of the wanted actions, judged from the footer statistics alone,
 * before any of their pages is fetched. Each action has a field the protocol requires (its
 * "key"); when the footer says that field is null in every row of a row group, for every wanted
 * action, the row group has no such action. This pays when reading protocol and metadata: in a
 * multi-part checkpoint, or a checkpoint of many row groups, most row groups hold only files.
 *
 * <p>Safe by construction: without null counts in the footer nothing is skipped. What a skip can
 * hide is only a malformed row (a struct whose required key is null), which would otherwise fail.
 */
final class RowGroupFilter {
  private static final Map<String, String> KEY_FIELDS = Map.of(
      "add", "path",
      "remove", "path",
      "metaData", "id",
      "protocol", "minReaderVersion",
      "txn", "appId",
      "domainMetadata", "domain",
      "checkpointMetadata", "version",
      "sidecar", "path");

  private final List<ColumnPath> keys = new ArrayList<>();
  private final boolean enabled;

  RowGroupFilter(MessageType requested) {
    boolean all = true;
    for (Type column : requested.getFields()) {
      String key = KEY_FIELDS.get(column.getName());
      if (key == null) {
        all = false;
      } else {
        keys.add(ColumnPath.get(column.getName(), key));
      }
    }
    this.enabled = all && !keys.isEmpty();
  }

  /** Whether the row group certainly holds none of the wanted actions. */
  boolean canSkip(BlockMetaData block) {
    if (!enabled) {
      return false;
    }
    for (ColumnPath key : keys) {
      if (!allNull(block, key)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allNull(BlockMetaData block, ColumnPath key) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getPath().equals(key)) {
        Statistics<?> stats = chunk.getStatistics();
        return stats != null
            && stats.isNumNullsSet()
            && chunk.getValueCount() == block.getRowCount()
            && stats.getNumNulls() == block.getRowCount();
      }
    }
    return false; // no key column: cannot tell
  }
}
