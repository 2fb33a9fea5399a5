package io.delta4j.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A listing read one batch at a time (a directory, a page of keys) as the iterator is consumed.
 * Subclasses fetch the first batch in their constructor, so that failing to list at all fails the
 * call; a later batch's failure surfaces as an {@link UncheckedIOException}.
 */
abstract class BatchedListing implements Iterator<FileEntry> {
  /** The entries fetched and not handed out yet; {@link #fetchNext} adds to it. */
  protected final Deque<FileEntry> ready = new ArrayDeque<>();

  /** Whether another batch may follow. */
  protected abstract boolean hasMoreBatches();

  /** Fetches the next batch into {@link #ready} (possibly none of it kept). */
  protected abstract void fetchNext() throws IOException;

  @Override
  public final boolean hasNext() {
    while (ready.isEmpty() && hasMoreBatches()) {
      try {
        fetchNext();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return !ready.isEmpty();
  }

  @Override
  public final FileEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }
}
