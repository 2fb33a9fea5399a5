package io.delta4j.cdf;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The rows of a change data feed: its files in commit order, each opened only when reached. */
final class ChangeRows implements CloseableIterator<Row> {
  private final ChangeScan scan;
  private final Iterator<ChangeFile> files;
  private ChangeFile file;
  private CloseableIterator<Row> current;
  private Row next;

  ChangeRows(ChangeScan scan, Iterator<ChangeFile> files) {
    this.scan = scan;
    this.files = files;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (current != null && current.hasNext()) {
        next = scan.row(current.next(), file);
        continue;
      }
      if (current != null) {
        current.close();
        current = null;
      }
      if (!files.hasNext()) {
        return false;
      }
      file = files.next();
      current = scan.open(file);
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row out = next;
    next = null;
    return out;
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
