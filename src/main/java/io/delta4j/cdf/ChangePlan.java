package io.delta4j.cdf;

import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import java.util.List;
import java.util.Objects;

/**
 * A planned change data feed range: the files to read, in commit order, and the protocol and
 * metadata of the end version (whose schema the rows have).
 */
public record ChangePlan(long start, long end, Protocol endProtocol, Metadata endMetadata, List<ChangeFile> files) {
  public ChangePlan {
    Objects.requireNonNull(endProtocol, "endProtocol");
    Objects.requireNonNull(endMetadata, "endMetadata");
    files = List.copyOf(files);
  }
}
