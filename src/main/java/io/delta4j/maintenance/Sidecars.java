package io.delta4j.maintenance;

import io.delta4j.DeltaErrors;
import io.delta4j.log.ActionParser;
import io.delta4j.log.LogFile;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.LogSegmentBuilder;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.Sidecar;
import io.delta4j.log.checkpoint.CheckpointReader;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sidecars of {@code _delta_log/_sidecars} that log cleanup may delete (PROTOCOL.md "Metadata
 * Cleanup", steps 4 and 5): older than a cutoff and referenced by no checkpoint that cleanup keeps.
 * Sidecars are matched by file name, as Delta matches them: the directory is flat.
 */
final class Sidecars {
  private static final Set<ActionType> SIDECAR = Set.of(ActionType.SIDECAR);

  private final String table;
  private final StorageBackend storage;
  private final LogSegmentBuilder segments;

  Sidecars(String table, StorageBackend storage, LogSegmentBuilder segments) {
    this.table = table;
    this.storage = storage;
    this.segments = segments;
  }

  /**
   * The unreferenced sidecars modified before {@code cutoff}. Checkpoints are read only when such
   * an old sidecar exists, so tables without V2 checkpoints cost one listing.
   *
   * @param keptVersion the oldest checkpoint version cleanup keeps; every checkpoint from it on is
   *     read, to the end of the log, so that one committed meanwhile keeps its sidecars too
   */
  List<FileEntry> unreferenced(long keptVersion, Instant cutoff) {
    List<FileEntry> old = new ArrayList<>();
    URI directory = segments.logDir().resolve(LogFileNames.SIDECAR_DIR + "/");
    try {
      Iterator<FileEntry> listed = storage.listFrom(directory);
      while (listed.hasNext()) {
        FileEntry sidecar = listed.next();
        if (sidecar.modificationTime() < cutoff.toEpochMilli()) {
          old.add(sidecar);
        }
      }
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "list", directory, e);
    }
    if (old.isEmpty()) {
      return old;
    }
    Set<String> referenced = referencedNames(keptVersion);
    old.removeIf(sidecar -> referenced.contains(sidecar.name()));
    return old;
  }

  /** The file names of the sidecars that checkpoints at or after {@code keptVersion} reference. */
  private Set<String> referencedNames(long keptVersion) {
    Set<String> names = new HashSet<>();
    Consumer<Action> collect = action -> names.add(fileName(((Sidecar) action).path()));
    for (LogFile file : segments.allFiles(Long.MAX_VALUE)) {
      // Multi-part checkpoints follow the V1 spec, which has no sidecars.
      if (file.version() >= keptVersion && file.isCheckpoint() && file.kind() != LogFile.Kind.MULTIPART_CHECKPOINT) {
        read(file, collect);
      }
    }
    return names;
  }

  private void read(LogFile file, Consumer<Action> sink) {
    URI location = file.location();
    if (!file.name().endsWith(".json")) {
      CheckpointReader.read(storage, location, OptionalLong.of(file.size()), table, file.displayName(), SIDECAR, sink);
      return;
    }
    try {
      ActionParser.parse(storage.readAllBytes(location), table, file.displayName(), SIDECAR, sink);
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "read", location, e);
    }
  }

  /** The decoded last segment of a sidecar's URI-encoded path. */
  private static String fileName(String path) {
    String decoded = URI.create(path).getPath();
    return decoded.substring(decoded.lastIndexOf('/') + 1);
  }
}
