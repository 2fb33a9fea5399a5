package io.delta4j.storage;

import java.io.IOException;

/**
 * A stream of {@link StorageBackend#create} that its writer can abandon. A file that becomes
 * visible on {@code close()} would otherwise be published even when the writer failed midway: a
 * checkpoint cut short that way would silently lose files for every reader.
 */
public interface Abortable {
  /**
   * Abandons the stream: nothing is published (an existing file at the location is left as it
   * was) and temporary state is released. Later writes fail; {@code close()} does nothing.
   */
  void abort() throws IOException;
}
