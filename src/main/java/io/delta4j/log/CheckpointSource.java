package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.Sidecar;
import io.delta4j.log.checkpoint.CheckpointReader;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the actions of checkpoint files, whatever their form: Parquet (classic, multi-part, V2
 * top-level, sidecar) or JSON (V2 top-level).
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

  /** Reads one top-level checkpoint file (or part). */
  void read(LogFile file, Set<ActionType> wanted, Consumer<? super Action> sink) {
    URI location = file.entry().location();
    if (file.entry().name().endsWith(".json")) {
      byte[] content;
      try {
        content = storage.readAllBytes(location);
      } catch (IOException e) {
        throw DeltaErrors.storage(table, "read", location, e);
      }
      ActionParser.parse(content, table, file.displayName(), wanted, sink);
    } else {
      CheckpointReader.read(
          storage, location, OptionalLong.of(file.entry().size()), table, file.displayName(), wanted, sink);
    }
  }

  /** Reads the file actions of one V2 sidecar. */
  void readSidecar(Sidecar sidecar, Set<ActionType> wanted, Consumer<? super Action> sink) {
    URI location = sidecarLocation(sidecar);
    String display = LogFileNames.LOG_DIR + "/" + LogFileNames.SIDECAR_DIR + "/" + sidecar.path();
    CheckpointReader.read(storage, location, OptionalLong.of(sidecar.sizeInBytes()), table, display, wanted, sink);
  }

  /** A sidecar path is relative to {@code _delta_log/_sidecars/} unless it is an absolute URI. */
  private URI sidecarLocation(Sidecar sidecar) {
    return Locations.resolve(logDir.resolve(LogFileNames.SIDECAR_DIR + "/"), sidecar.path());
  }
}
