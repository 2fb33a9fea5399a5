package io.delta4j.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Put-if-absent on a local file system, the primitive a Delta commit rests on: of several writers
 * of one path exactly one succeeds, and a reader sees the file whole or not at all.
 *
 * <p>The contents go to a hidden temp file in the target's directory, which is forced to disk and
 * then hard-linked to the target. {@code link(2)} fails with {@code EEXIST} if the target exists, in
 * one atomic step, and the target appears with all its bytes. A rename is never used: it would
 * silently replace a commit another writer made.
 *
 * <p>On file systems without hard links (some FUSE, SMB and FAT mounts) the fallback is
 * {@code open(O_CREAT|O_EXCL)}: still exactly one winner, but a reader that looks while the winner
 * is writing can see a partial file. A warning is logged once per JVM.
 */
final class ExclusiveCreate {
  private static final Logger LOG = LoggerFactory.getLogger(ExclusiveCreate.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /** Creates {@code link} as a hard link to {@code existing}; a seam for tests. */
  @FunctionalInterface
  interface Linker {
    void link(Path link, Path existing) throws IOException;
  }

  static final Linker HARD_LINK = (link, existing) -> Files.createLink(link, existing);

  private final Linker linker;

  ExclusiveCreate(Linker linker) {
    this.linker = linker;
  }

  /** @throws FileAlreadyExistsException when {@code target} exists (another writer won) */
  void write(Path target, byte[] contents) throws IOException {
    if (Files.exists(target)) {
      // A shortcut for a writer that is behind: no temp file, no fsync. The link below still decides.
      throw new FileAlreadyExistsException(target.toString());
    }
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = LocalStorage.tempSibling(target);
    try {
      writeDurably(temp, contents);
      try {
        linker.link(target, temp);
      } catch (FileAlreadyExistsException | NoSuchFileException | AccessDeniedException e) {
        throw e; // real answers, not signs of missing link support
      } catch (UnsupportedOperationException | FileSystemException e) {
        warnOnce(dir, e);
        writeExclusively(target, contents, e);
      }
      syncDirectory(dir);
    } finally {
      deleteTemp(temp);
    }
  }

  /**
   * Never fails the put: once the link exists the commit has happened, and reporting an error then
   * would make the caller retry a commit that succeeded. A leftover temp file is hidden, so
   * listings ignore it.
   */
  private static void deleteTemp(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("Cannot delete temp file {}: {}", temp, e.toString());
    }
  }

  private static void writeExclusively(Path target, byte[] contents, Exception linkFailure) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException e) {
      e.addSuppressed(linkFailure);
      throw e;
    }
    try (channel) {
      writeFully(channel, contents);
      channel.force(false);
    } catch (IOException e) {
      // The half-written file is ours (CREATE_NEW made it); left behind it would block the
      // version forever with corrupt contents.
      Files.deleteIfExists(target);
      throw e;
    }
  }

  /**
   * Writes and forces a new file before it is linked, so that after a crash the target is absent or
   * whole. {@code force(false)} ({@code fdatasync}) covers the data and the length, all a reader
   * needs; timestamps need not survive a crash.
   */
  private static void writeDurably(Path file, byte[] contents) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      writeFully(channel, contents);
      channel.force(false);
    }
  }

  private static void writeFully(FileChannel channel, byte[] contents) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(contents);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /**
   * Makes the new directory entry durable, so that an acknowledged commit survives a crash. Best
   * effort: some platforms cannot open a directory for syncing.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("Cannot sync directory {}: {}", dir, e.toString());
    }
  }

  private static void warnOnce(Path dir, Exception linkFailure) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn(
          "The file system of {} does not support hard links ({}); commits fall back to exclusive"
              + " create (O_EXCL). Exactly one writer still wins, but a reader may briefly see a"
              + " partially written commit file.",
          dir,
          linkFailure.toString());
    }
  }
}
