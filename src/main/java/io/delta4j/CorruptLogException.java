package io.delta4j;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The transaction log cannot be read as the protocol defines it: a malformed line, a gap in the
 * commit versions, a checkpoint without protocol or metadata, and the like. Names the file and
 * line when the problem is inside one file.
 */
public final class CorruptLogException extends DeltaException {
  private final String file;
  private final long line;

  public CorruptLogException(String table, String file, long line, String message, Throwable cause) {
    super(table, message, cause);
    this.file = file;
    this.line = line;
  }

  public CorruptLogException(String table, String message) {
    this(table, null, -1, message, null);
  }

  /** The file at fault (a log file, or a deletion vector file), relative to the table root, when there is one. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /** The 1-based line in {@link #file()}, when the problem is on one line. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }
}
