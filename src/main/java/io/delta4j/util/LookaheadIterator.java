package io.delta4j.util;

import io.delta4j.CloseableIterator;
import java.util.NoSuchElementException;

/**
 * A closeable iterator that finds its next element ahead of {@link #next()}: subclasses say only
 * how to find the next element ({@link #advance()}) and what to close.
 */
public abstract class LookaheadIterator<T> implements CloseableIterator<T> {
  private T next;

  /** Finds the next element, or returns {@code null} when there is none. */
  protected abstract T advance();

  @Override
  public final boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T out = next;
    next = null;
    return out;
  }
}
