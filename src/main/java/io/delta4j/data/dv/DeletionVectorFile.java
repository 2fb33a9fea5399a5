package io.delta4j.data.dv;

import io.delta4j.log.action.DeletionVectorDescriptor;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A DV file that {@link DeletionVectorWriter} wrote.
 *
 * @param location the file's absolute location: what to delete should the commit that names it
 *     fail
 * @param vectors the descriptor of each vector in the file, in the order the vectors were given,
 *     for the {@code deletionVector} field of the {@code add} and {@code remove} actions
 */
public record DeletionVectorFile(URI location, List<DeletionVectorDescriptor> vectors) {
  public DeletionVectorFile {
    Objects.requireNonNull(location, "location");
    vectors = List.copyOf(vectors);
  }
}
