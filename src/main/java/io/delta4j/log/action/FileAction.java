package io.delta4j.log.action;

import java.util.Optional;

/** An {@code add} or {@code remove}: the actions keyed by (path, deletion vector) in replay. */
public sealed interface FileAction permits AddFile, RemoveFile {
  String path();

  Optional<DeletionVectorDescriptor> deletionVector();
}
