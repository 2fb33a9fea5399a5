package io.delta4j.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The stream of {@link LocalStorage#create}: writes a hidden temp file beside the target, and on
 * {@code close()} forces it to disk and renames it over the target in one atomic step, so readers
 * see the old file or the whole new one, never a prefix. Replacing is allowed here (data files,
 * checkpoints), unlike for commits, which use {@link LocalStorage#putIfAbsent}.
 *
 * <p>If a write fails, {@code close()} deletes the temp file and publishes nothing. A caller that
 * fails on its own calls {@link #abort()} to the same effect; if it closes the stream instead, what
 * it wrote is published (harmless for data files, which only count once a commit names them).
 */
final class ReplaceOnCloseOutputStream extends OutputStream implements Abortable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream out;
  private boolean failed;
  private boolean closed;

  ReplaceOnCloseOutputStream(Path target, Path temp) throws IOException {
    this.target = target;
    this.temp = temp;
    this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    try {
      out.write(b);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ensureOpen();
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Deletes the temp file; the target stays as it was. */
  @Override
  public void abort() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("Stream closed: " + target);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    boolean published = false;
    try {
      if (!failed) {
        out.flush();
        channel.force(false);
        channel.close(); // before the move, for file systems that refuse to move an open file
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        published = true;
      }
    } finally {
      channel.close();
      if (!published) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
