package io.delta4j.maintenance;

import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which files under the table root VACUUM leaves alone whatever their age: the rule of Delta's
 * VACUUM ({@code DeltaTableUtils.isHiddenDirectory}, applied to every directory and file name of a
 * path). A name starting with {@code _} or {@code .} is hidden, so {@code _delta_log},
 * {@code _SUCCESS} and {@code .crc} side files are kept; except names starting with
 * {@code _change_data} (change data files, which no snapshot references, so they go once older
 * than the retention), {@code _delta_index} (indexes of data files) and {@code <partition
 * column>=} (partition directories of columns whose names start with {@code _}). With UniForm
 * Iceberg ({@code delta.universalFormat.enabledFormats} lists {@code iceberg}), the top-level
 * {@code metadata} directory holds the Iceberg metadata, which Delta's VACUUM also keeps.
 */
final class VacuumScope {
  private static final String UNIVERSAL_FORMATS = "delta.universalFormat.enabledFormats";

  private final List<String> partitionPrefixes;
  private final boolean icebergMetadata;

  private VacuumScope(List<String> partitionPrefixes, boolean icebergMetadata) {
    this.partitionPrefixes = partitionPrefixes;
    this.icebergMetadata = icebergMetadata;
  }

  static VacuumScope of(Metadata metadata) {
    List<String> prefixes = new ArrayList<>();
    for (String column : metadata.partitionColumns()) {
      prefixes.add(column + "=");
    }
    boolean iceberg = false;
    for (String format : metadata.configuration().getOrDefault(UNIVERSAL_FORMATS, "").split(",")) {
      iceberg |= format.trim().toLowerCase(Locale.ROOT).equals("iceberg");
    }
    return new VacuumScope(List.copyOf(prefixes), iceberg);
  }

  /** Whether VACUUM keeps the file at {@code relativePath} (decoded, relative to the table root). */
  boolean keeps(String relativePath) {
    if (relativePath.startsWith(LogFileNames.LOG_DIR + "/") || (icebergMetadata && relativePath.startsWith("metadata/"))) {
      return true;
    }
    for (String name : relativePath.split("/")) {
      if (hidden(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean hidden(String name) {
    if (!name.startsWith("_") && !name.startsWith(".")) {
      return false;
    }
    if (name.startsWith("_change_data") || name.startsWith("_delta_index")) {
      return false;
    }
    for (String prefix : partitionPrefixes) {
      if (name.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }
}
