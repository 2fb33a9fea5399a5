package io.delta4j;

import io.delta4j.storage.Abortable;
import io.delta4j.storage.ForwardingStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.function.Predicate;

/** Local storage whose {@code create()} streams fail, for the files a test picks, on their first write. */
final class FaultyStorage extends ForwardingStorage {
  private final Predicate<URI> failing;
  private int creates;

  /** @param failing which created files fail; sees each location once, in creation order */
  FaultyStorage(Predicate<URI> failing) {
    this.failing = failing;
  }

  /** How many files were created (or attempted). */
  int creates() {
    return creates;
  }

  @Override
  public OutputStream create(URI location) throws IOException {
    creates++;
    OutputStream out = super.create(location);
    if (!failing.test(location)) {
      return out;
    }
    return new FailingStream(out);
  }

  /** Fails every write; closing it publishes nothing, as a real failed stream would. */
  private static final class FailingStream extends OutputStream implements Abortable {
    private final OutputStream out;

    FailingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      throw new IOException("injected failure");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("injected failure");
    }

    @Override
    public void close() throws IOException {
      abort();
    }

    @Override
    public void abort() throws IOException {
      ((Abortable) out).abort();
    }
  }
}
