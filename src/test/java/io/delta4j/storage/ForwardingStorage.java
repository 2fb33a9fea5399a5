package io.delta4j.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Iterator;
import java.util.OptionalLong;

/**
 * A storage that passes every call to another (by default a {@link LocalStorage}), for tests to
 * override just the calls they count or break.
 */
public class ForwardingStorage implements StorageBackend {
  private final StorageBackend delegate;

  public ForwardingStorage() {
    this(new LocalStorage());
  }

  public ForwardingStorage(StorageBackend delegate) {
    this.delegate = delegate;
  }

  /** The storage this one passes calls to. */
  protected final StorageBackend delegate() {
    return delegate;
  }

  @Override
  public Iterator<FileEntry> listFrom(URI start) throws IOException {
    return delegate.listFrom(start);
  }

  @Override
  public Iterator<FileEntry> listRecursively(URI directory) throws IOException {
    return delegate.listRecursively(directory);
  }

  @Override
  public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
    return delegate.open(location, knownLength);
  }

  @Override
  public byte[] readAllBytes(URI location) throws IOException {
    return delegate.readAllBytes(location);
  }

  @Override
  public void putIfAbsent(URI location, byte[] contents) throws IOException {
    delegate.putIfAbsent(location, contents);
  }

  @Override
  public OutputStream create(URI location) throws IOException {
    return delegate.create(location);
  }

  @Override
  public void delete(URI location) throws IOException {
    delegate.delete(location);
  }

  @Override
  public boolean exists(URI location) throws IOException {
    return delegate.exists(location);
  }
}
