package io.delta4j.cli;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The records of one {@code --from} input, read one at a time as a write consumes them (so an
 * input larger than memory streams into the table), each a {@code Map} from column name to a value
 * typed for the table. Iterable once. Errors are {@link RowInputException}s naming the input and
 * the line where the record starts.
 */
abstract class RowSource implements Iterable<Map<String, Object>>, Closeable {
  private final String name;
  private final CountingInputStream bytes;
  private boolean iterated;
  private long line;

  RowSource(String name, CountingInputStream bytes) {
    this.name = name;
    this.bytes = bytes;
  }

  /**
   * Reads the next record, or returns null at the end.
   *
   * @throws RowInputException about a value or the record, placed at {@link #recordLine()} by the caller
   */
  abstract Map<String, Object> read() throws IOException;

  /** The line where the record {@link #read()} read last starts (1 is the first line). */
  abstract long recordLine();

  /** The input as the user named it: the path given, or {@code stdin}. */
  final String name() {
    return name;
  }

  /** The line where the record returned last starts; 0 before the first. */
  final long line() {
    return line;
  }

  /** Bytes taken from the input so far (a little ahead of the records returned: input is buffered). */
  final long bytesRead() {
    return bytes.count();
  }

  @Override
  public final Iterator<Map<String, Object>> iterator() {
    if (iterated) {
      throw new IllegalStateException(name + " can be read only once");
    }
    iterated = true;
    return new Iterator<>() {
      private Map<String, Object> next;
      private long nextLine;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = readPlaced();
          nextLine = recordLine();
        }
        return next != null;
      }

      @Override
      public Map<String, Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Map<String, Object> out = next;
        next = null;
        line = nextLine;
        return out;
      }
    };
  }

  private Map<String, Object> readPlaced() {
    try {
      return read();
    } catch (RowInputException e) {
      throw e.at(name, recordLine());
    } catch (IOException e) {
      throw new RowInputException(name + " line " + recordLine() + ": cannot read the input: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    bytes.close();
  }
}
