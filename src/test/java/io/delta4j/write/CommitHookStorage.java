package io.delta4j.write;

import io.delta4j.log.LogFileNames;
import io.delta4j.storage.ForwardingStorage;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local storage that hands each write of a commit file ({@code _delta_log/<version>.json}) to a
 * test's {@link Hook}, which decides what happens around the real write: another writer commits
 * first (a lost race at a chosen moment), the write fails before or after landing, and so on.
 * Every other call, data files and checkpoints included, goes straight to local storage.
 */
final class CommitHookStorage extends ForwardingStorage {
  /**
   * What to do for the {@code call}-th commit write (from 1) of {@code contents}; {@code write}
   * does the real one.
   */
  @FunctionalInterface
  interface Hook {
    void put(int call, URI location, byte[] contents, Write write) throws IOException;
  }

  /** The real {@code putIfAbsent} of the commit file. */
  @FunctionalInterface
  interface Write {
    void run() throws IOException;
  }

  private final Hook hook;
  private final AtomicInteger calls = new AtomicInteger();

  CommitHookStorage(Hook hook) {
    this.hook = hook;
  }

  /** How many commit writes were tried. */
  int calls() {
    return calls.get();
  }

  @Override
  public void putIfAbsent(URI location, byte[] contents) throws IOException {
    String path = location.getPath();
    if (!path.contains("/" + LogFileNames.LOG_DIR + "/") || !path.endsWith(".json")) {
      super.putIfAbsent(location, contents);
      return;
    }
    hook.put(calls.incrementAndGet(), location, contents, () -> super.putIfAbsent(location, contents));
  }
}
