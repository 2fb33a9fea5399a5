package io.delta4j;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An iterator over a stream of results (files, rows) that may hold open files: close it, best
 * with try-with-resources. {@link #close()} never throws a checked exception.
 */
public interface CloseableIterator<T> extends Iterator<T>, Closeable {
  @Override
  void close();

  /** Drains the rest into a list and closes. */
  default List<T> toList() {
    try (this) {
      List<T> out = new ArrayList<>();
      forEachRemaining(out::add);
      return out;
    }
  }

  /** A sequential stream over the rest; closing the stream closes this iterator. */
  default Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  /** Wraps an iterator that holds nothing to close. */
  static <T> CloseableIterator<T> of(Iterator<T> it) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
