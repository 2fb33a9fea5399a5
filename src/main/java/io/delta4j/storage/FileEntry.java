package io.delta4j.storage;

import java.net.URI;
import java.util.Objects;

/**
 * One file found by {@link StorageBackend#listFrom}.
 *
 * @param location absolute location of the file
 * @param size length in bytes
 * @param modificationTime last modification, milliseconds since the epoch
 */
public record FileEntry(URI location, long size, long modificationTime) {
  public FileEntry {
    Objects.requireNonNull(location, "location");
  }

  /** The last path segment, decoded (for example {@code 00000000000000000010.json}). */
  public String name() {
    String path = location.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
