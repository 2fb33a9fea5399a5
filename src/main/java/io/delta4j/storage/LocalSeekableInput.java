package io.delta4j.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A {@link SeekableInput} over a local file. Reads are positional ({@code pread}): the channel's own
 * position is never used, so a seek costs nothing and a read is one system call. One instance
 * serves one reader at a time.
 */
final class LocalSeekableInput extends PositionalInput {
  private final FileChannel channel;

  /** @param length the file's length, from the caller (the log knows it) or from {@code fstat} */
  LocalSeekableInput(FileChannel channel, long length) {
    super(length);
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, buffer.length);
    if (count == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(buffer, offset, count), position);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
