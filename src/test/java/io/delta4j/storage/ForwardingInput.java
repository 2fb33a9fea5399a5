package io.delta4j.storage;

import java.io.IOException;

/** A seekable input that passes every call to another, for tests to override just the reads. */
public class ForwardingInput implements SeekableInput {
  private final SeekableInput in;

  public ForwardingInput(SeekableInput in) {
    this.in = in;
  }

  @Override
  public long length() throws IOException {
    return in.length();
  }

  @Override
  public long position() throws IOException {
    return in.position();
  }

  @Override
  public void seek(long position) throws IOException {
    in.seek(position);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return in.read(buffer, offset, length);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
