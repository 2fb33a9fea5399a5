package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/** Lists {@code _delta_log} from a version on, keeping the files a reader understands. */
final class LogListing {
  private LogListing() {}

  /**
   * The log files with versions {@code >= from} (and {@code <= upTo} when given), in listing order
   * (which, thanks to zero padding, is version order).
   */
  static List<LogFile> list(String table, StorageBackend storage, URI logDir, long from, OptionalLong upTo) {
    URI start = logDir.resolve(LogFileNames.paddedVersion(from));
    List<LogFile> files = new ArrayList<>();
    try {
      Iterator<FileEntry> it = storage.listFrom(start);
      while (it.hasNext()) {
        FileEntry entry = it.next();
        var parsed = LogFileNames.parse(logDir, entry);
        if (parsed.isEmpty()) {
          continue;
        }
        LogFile file = parsed.get();
        if (upTo.isPresent() && file.version() > upTo.getAsLong()) {
          break; // the 20-digit prefix sorts first, so every later name is newer still
        }
        files.add(file);
      }
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "list", logDir, e);
    }
    return files;
  }
}
