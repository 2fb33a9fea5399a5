package io.delta4j.maintenance;

import io.delta4j.CloseableIterator;
import io.delta4j.Snapshot;
import io.delta4j.data.dv.DeletionVectors;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.storage.Locations;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The files VACUUM must keep whatever their age: those of live adds and of tombstones deleted at or
 * after the cutoff, with their deletion vector files. A tombstone without a deletion timestamp
 * counts as deleted at 0, expired, as Delta counts it. Files are keyed as log replay keys paths
 * ({@link Locations#canonicalKey}), so that any encoding of a path, relative or absolute, matches
 * the listed file.
 */
final class ReferencedFiles {
  private ReferencedFiles() {}

  static Set<String> of(Snapshot snapshot, long deleteBefore) {
    Set<String> keys = new HashSet<>();
    try (CloseableIterator<AddFile> adds = snapshot.addFiles()) {
      while (adds.hasNext()) {
        AddFile add = adds.next();
        put(keys, snapshot, add.path(), add.deletionVector());
      }
    }
    try (CloseableIterator<RemoveFile> removes = snapshot.tombstones()) {
      while (removes.hasNext()) {
        RemoveFile remove = removes.next();
        if (remove.deletionTimestamp().orElse(0) >= deleteBefore) {
          put(keys, snapshot, remove.path(), remove.deletionVector());
        }
      }
    }
    return keys;
  }

  /** The key of a listed file. */
  static String key(URI root, URI location) {
    return Locations.canonicalKey(root, location.toString());
  }

  private static void put(Set<String> keys, Snapshot snapshot, String path, Optional<DeletionVectorDescriptor> dv) {
    URI root = snapshot.root();
    keys.add(Locations.canonicalKey(root, path));
    if (dv.isPresent()) {
      try {
        DeletionVectors.fileLocation(root, dv.get()).ifPresent(file -> keys.add(key(root, file)));
      } catch (IllegalArgumentException e) {
        throw MaintenanceErrors.unlocatableDeletionVector(snapshot.table(), path, e);
      }
    }
  }
}
