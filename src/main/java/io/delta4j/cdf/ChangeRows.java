package io.delta4j.cdf;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.util.LookaheadIterator;
import java.util.Iterator;

/** The rows of a change data feed: its files in commit order, each opened only when reached. */
final class ChangeRows extends LookaheadIterator<Row> {
  private final ChangeScan scan;
  private final Iterator<ChangeFile> files;
  private ChangeFile file;
  private CloseableIterator<Row> current;

  ChangeRows(ChangeScan scan, Iterator<ChangeFile> files) {
    this.scan = scan;
    this.files = files;
  }

  @Override
  protected Row advance() {
    while (true) {
      if (current != null && current.hasNext()) {
        Row row = scan.row(current.next(), file); // null when the filter drops it
        if (row != null) {
          return row;
        }
        continue;
      }
      if (current != null) {
        current.close();
        current = null;
      }
      if (!files.hasNext()) {
        return null;
      }
      file = files.next();
      current = scan.open(file);
    }
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
