package io.delta4j.log;

import io.delta4j.CloseableIterator;
import io.delta4j.data.AddFields;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.Sidecar;
import io.delta4j.log.checkpoint.CheckpointReader;
import io.delta4j.storage.StorageBackend;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the actions of checkpoint files, whatever their form: Parquet (classic, multi-part, V2
 * top-level, sidecar) streamed row by row, or JSON (a V2 top-level file, small by design: its file
 * actions live in sidecars).
 */
final class CheckpointSource {
  private final String table;
  private final StorageBackend storage;
  private final URI logDir;

  CheckpointSource(String table, StorageBackend storage, URI logDir) {
    this.table = table;
    this.storage = storage;
    this.logDir = logDir;
  }

  /** The wanted actions of one top-level checkpoint file (or part). */
  CloseableIterator<Action> open(LogFile file, Set<ActionType> wanted) {
    return open(file, wanted, AddFields.ALL);
  }

  /** The wanted actions of one top-level checkpoint file (or part), adds decoded to {@code addFields}. */
  CloseableIterator<Action> open(LogFile file, Set<ActionType> wanted, AddFields addFields) {
    URI location = file.location();
    if (!file.name().endsWith(".json")) {
      return CheckpointReader.open(
          storage, location, OptionalLong.of(file.size()), table, file.displayName(), wanted, addFields);
    }
    return CloseableIterator.of(ActionParser.readFile(storage, location, table, file.displayName(), wanted).iterator());
  }

  /** The wanted actions of one V2 sidecar, adds decoded to {@code addFields}. */
  CloseableIterator<Action> open(Sidecar sidecar, Set<ActionType> wanted, AddFields addFields) {
    URI location = CheckpointReader.sidecarLocation(logDir, sidecar);
    String display = LogFileNames.LOG_DIR + "/" + LogFileNames.SIDECAR_DIR + "/" + sidecar.path();
    return CheckpointReader.open(storage, location, OptionalLong.of(sidecar.sizeInBytes()), table, display, wanted, addFields);
  }
}
