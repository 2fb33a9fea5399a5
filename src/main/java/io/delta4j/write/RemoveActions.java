package io.delta4j.write;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.util.Json;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@code remove} that retires an {@code add}, carrying what readers of the tombstone need. */
final class RemoveActions {
  private RemoveActions() {}

  /**
   * A tombstone for {@code add} (PROTOCOL.md, "Add File and Remove File"): the same path and
   * deletion vector (they form the key it cancels), extended metadata (partition values, size,
   * stats, tags) so that the change data feed and vacuum need not look the file up again.
   */
  static RemoveFile of(AddFile add, long deletionTimestamp) {
    return new RemoveFile(add.path(), OptionalLong.of(deletionTimestamp), true /* dataChange */,
        Optional.of(true) /* extendedFileMetadata */, Optional.of(add.partitionValues()), OptionalLong.of(add.size()),
        add.stats(), add.tags(), add.deletionVector(), add.baseRowId(), add.defaultRowCommitVersion());
  }

  /** The rows a file holds after its deletion vector, from its statistics; 0 when unknown. */
  static long liveRows(AddFile add) {
    long records = add.stats().map(RemoveActions::numRecords).orElse(0L);
    long deleted = add.deletionVector().map(dv -> dv.cardinality()).orElse(0L);
    return Math.max(0, records - deleted);
  }

  /** {@code numRecords} of a statistics JSON, read without parsing the rest of it into objects. */
  static long numRecords(String stats) {
    try (JsonParser p = Json.FACTORY.createParser(stats)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return 0;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("numRecords") && value == JsonToken.VALUE_NUMBER_INT) {
          return p.getLongValue();
        }
        p.skipChildren();
      }
      return 0;
    } catch (IOException e) {
      return 0; // unreadable statistics only cost the metric, never the delete
    }
  }
}
