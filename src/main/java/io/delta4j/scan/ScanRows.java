package io.delta4j.scan;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.expr.FileFilter;
import io.delta4j.expr.FileMatch;
import io.delta4j.log.action.AddFile;
import java.util.NoSuchElementException;

/** The rows of a scan: its files in turn, each skipped, filtered or read whole by its match. */
final class ScanRows implements CloseableIterator<Row> {
  private final CloseableIterator<AddFile> files;
  private final FileFilter filter;
  private final ScanContext context;
  private FileRows current;

  ScanRows(CloseableIterator<AddFile> files, FileFilter filter, ScanContext context) {
    this.files = files;
    this.filter = filter;
    this.context = context;
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (current != null) {
        current.close();
        current = null;
      }
      if (!files.hasNext()) {
        return false;
      }
      AddFile file = files.next();
      FileMatch match = filter == null ? FileMatch.ALL : filter.match(file);
      if (match != FileMatch.NONE) {
        current = new FileRows(context, file, match);
      }
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
    }
    files.close();
  }
}
