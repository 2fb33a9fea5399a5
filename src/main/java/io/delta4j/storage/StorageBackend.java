package io.delta4j.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Iterator;
import java.util.OptionalLong;

/**
 * Byte access to a table's files, addressed by absolute URI.
 *
 * <p>Guarantees every implementation must give (the log's correctness rests on them):
 * <ul>
 *   <li>{@link #listFrom} returns the files of one directory whose names are {@code >=} the given
 *       name, sorted by name (UTF-8 byte order), complete (no page is ever dropped);</li>
 *   <li>{@link #putIfAbsent} is atomic: of several writers of one path exactly one succeeds, the
 *       others get {@link FileAlreadyExistsException}, and a reader sees the file whole or not at
 *       all;</li>
 *   <li>a file written through {@link #create} becomes visible only when its stream is closed.</li>
 * </ul>
 * Hidden files (names starting with {@code .}) are never listed, so Hadoop's {@code .x.crc}
 * side files do not disturb log listing.
 */
public interface StorageBackend extends Closeable {
  /**
   * Files in the directory of {@code start} whose names sort at or after {@code start}'s last
   * segment, sorted by name. A missing directory yields an empty iterator.
   *
   * <p>Names compare in UTF-8 byte order (equal to code point order), not {@link String#compareTo}
   * order, which differs for characters above U+FFFF. Only files are listed, not subdirectories.
   * A {@code start} ending in {@code /} lists the whole directory it names.
   */
  Iterator<FileEntry> listFrom(URI start) throws IOException;

  /**
   * Every file under {@code directory} (a URI ending in {@code /}), at any depth, in no particular
   * order; VACUUM lists a table root with it. Only files are listed; names starting with {@code .}
   * are skipped, files and directories alike (with everything under them), while names starting
   * with {@code _} are listed: callers decide what to skip (VACUUM skips {@code _delta_log} itself).
   * Locations have the form {@link #listFrom} gives. A missing directory yields an empty iterator.
   *
   * <p>Listing may go on while the iterator is consumed; a failure then surfaces from the iterator
   * as an {@link java.io.UncheckedIOException}. A file deleted meanwhile may be left out.
   *
   * <p>The default implementation refuses: backends that serve VACUUM override it.
   *
   * @throws UnsupportedOperationException when the backend cannot list recursively
   */
  default Iterator<FileEntry> listRecursively(URI directory) throws IOException {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot list " + directory + " recursively: it does not implement listRecursively");
  }

  /**
   * Opens a file for random access.
   *
   * @param knownLength the length when the caller knows it (for example from the log), to save a
   *     metadata request
   * @throws NoSuchFileException when the file does not exist
   */
  SeekableInput open(URI location, OptionalLong knownLength) throws IOException;

  /** Reads a whole (small) file, such as a commit or {@code _last_checkpoint}. */
  byte[] readAllBytes(URI location) throws IOException;

  /** Atomically creates {@code location} with {@code contents}, unless it already exists. */
  void putIfAbsent(URI location, byte[] contents) throws IOException;

  /**
   * Creates or replaces a file; it becomes visible whole when the stream is closed. The stream
   * should implement {@link Abortable}, so that a writer that fails midway can publish nothing;
   * without it such a writer can only close the stream and delete what it published.
   */
  OutputStream create(URI location) throws IOException;

  /** Deletes a file; deleting a missing file is not an error. */
  void delete(URI location) throws IOException;

  /** Whether a file or directory exists at {@code location}. */
  boolean exists(URI location) throws IOException;

  @Override
  default void close() throws IOException {}
}
