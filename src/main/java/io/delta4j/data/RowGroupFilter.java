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
 * Counts the wanted actions of a row group from the footer statistics alone, before any of its
 * pages is fetched. Each action has a field the protocol requires (its "key"), so the non-null
 * values of the key columns count the actions. A row group with none is skipped; one with a few
 * (a checkpoint's protocol and metadata among 100,000 files) is read only until they are all
 * found, which in most checkpoints is the first rows: Delta writes them first.
 *
 * <p>Safe by construction: without null counts in the footer, every row is read. What counting can
 * hide is only a malformed row (a struct whose required key is null), which would otherwise fail.
 * Reads of file actions therefore never stop early: they read every row anyway, and a malformed
 * file action must fail the listing. A malformed protocol or metadata row still fails the open,
 * as a missing action.
 */
final class RowGroupFilter {
  /** The count when the footer cannot tell. */
  static final long UNKNOWN = -1;

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
  private final boolean fileActions;

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
    this.fileActions = requested.containsField("add") || requested.containsField("remove");
  }

  /**
   * After how many wanted actions the rest of the row group can be left unread, or
   * {@link #UNKNOWN} when it must be read to its end.
   */
  long stopAfter(BlockMetaData block) {
    return fileActions ? UNKNOWN : actions(block);
  }

  /** How many wanted actions the row group holds, or {@link #UNKNOWN}. */
  long actions(BlockMetaData block) {
    if (!enabled) {
      return UNKNOWN;
    }
    long total = 0;
    for (ColumnPath key : keys) {
      long present = present(block, key);
      if (present == UNKNOWN) {
        return UNKNOWN;
      }
      total += present;
    }
    return total;
  }

  private static long present(BlockMetaData block, ColumnPath key) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getPath().equals(key)) {
        Statistics<?> stats = chunk.getStatistics();
        // A key is never repeated, so a chunk holds one value (or null) per row.
        boolean counted = stats != null && stats.isNumNullsSet() && chunk.getValueCount() == block.getRowCount();
        return counted ? block.getRowCount() - stats.getNumNulls() : UNKNOWN;
      }
    }
    return UNKNOWN; // no key column: cannot tell
  }
}
