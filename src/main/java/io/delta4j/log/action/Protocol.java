package io.delta4j.log.action;

import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;

/**
 * The {@code protocol} action (PROTOCOL.md, "Protocol Evolution"). The feature lists exist only
 * with table features: reader version 3 and writer version 7. Absent lists are empty sets.
 */
public record Protocol(
    int minReaderVersion, int minWriterVersion, Set<String> readerFeatures, Set<String> writerFeatures)
    implements Action {

  public Protocol {
    readerFeatures = Collections.unmodifiableSet(new TreeSet<>(readerFeatures));
    writerFeatures = Collections.unmodifiableSet(new TreeSet<>(writerFeatures));
  }

  public Protocol(int minReaderVersion, int minWriterVersion) {
    this(minReaderVersion, minWriterVersion, Set.of(), Set.of());
  }

  /** Whether this protocol lists reader features explicitly (reader version 3). */
  public boolean hasReaderFeatures() {
    return minReaderVersion >= 3;
  }

  /** Whether this protocol lists writer features explicitly (writer version 7). */
  public boolean hasWriterFeatures() {
    return minWriterVersion >= 7;
  }

  @Override
  public ActionType type() {
    return ActionType.PROTOCOL;
  }
}
