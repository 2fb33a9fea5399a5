package io.delta4j.storage;

import java.io.EOFException;

/**
 * A {@link SeekableInput} whose reads take their offset from a position it keeps itself (a local
 * {@code pread}, a ranged GET), so that a seek only moves that position. Subclasses read.
 */
abstract class PositionalInput implements SeekableInput {
  protected final long length;
  protected long position;

  protected PositionalInput(long length) {
    this.length = length;
  }

  @Override
  public final long length() {
    return length;
  }

  @Override
  public final long position() {
    return position;
  }

  @Override
  public final void seek(long newPosition) throws EOFException {
    if (newPosition < 0) {
      throw new EOFException("Cannot seek to negative position " + newPosition);
    }
    position = newPosition;
  }
}
