package io.delta4j.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@link LocalStorage#listRecursively}: walks a directory tree one directory at a time. Each
 * directory is read whole and closed before its files are handed out, so an iterator that is
 * dropped midway leaks no handle, and memory holds one directory's files plus the directories still
 * to visit. Symbolic links to files are listed as files, as {@link LocalStorage#listFrom} lists
 * them; links to directories are not followed, so that a link can neither loop nor lead out of the
 * tree (VACUUM must never delete outside the table).
 */
final class LocalTreeListing extends BatchedListing {
  /** A directory still to read, with its URI (ending in {@code /}) to build its files' URIs from. */
  private record Directory(Path path, String uri) {}

  private final Deque<Directory> pending = new ArrayDeque<>();

  /** Reads the top directory at once, so that failing to list it fails the call, not the iteration. */
  LocalTreeListing(Path directory, String uri) throws IOException {
    read(new Directory(directory, uri.endsWith("/") ? uri : uri + "/"));
  }

  @Override
  protected boolean hasMoreBatches() {
    return !pending.isEmpty();
  }

  @Override
  protected void fetchNext() throws IOException {
    read(pending.pop());
  }

  private void read(Directory directory) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(directory.path())) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (!name.startsWith(".")) {
          add(directory, child, name);
        }
      }
    } catch (NoSuchFileException deletedMeanwhile) {
      // A missing top directory lists nothing, like listFrom; a subdirectory may go while we walk.
    }
  }

  private void add(Directory parent, Path child, String name) throws IOException {
    BasicFileAttributes attributes;
    boolean link;
    try {
      attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      link = attributes.isSymbolicLink();
      if (link) {
        attributes = Files.readAttributes(child, BasicFileAttributes.class);
      }
    } catch (NoSuchFileException deletedOrDanglingLink) {
      return;
    }
    String uri = parent.uri() + UriCodec.encodePath(name);
    if (attributes.isRegularFile()) {
      ready.add(new FileEntry(URI.create(uri), attributes.size(), attributes.lastModifiedTime().toMillis()));
    } else if (attributes.isDirectory() && !link) {
      pending.push(new Directory(child, uri + "/"));
    }
  }
}
