package io.delta4j;

import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** An immutable view of a table at one version. Protocol and metadata are loaded; files stream. */
public final class Snapshot {
  private Snapshot() {}

  public long version() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The commit timestamp of this version (in-commit timestamp, else file modification time). */
  public Instant timestamp() {
    throw new UnsupportedOperationException("in progress");
  }

  public Protocol protocol() {
    throw new UnsupportedOperationException("in progress");
  }

  public Metadata metadata() {
    throw new UnsupportedOperationException("in progress");
  }

  public List<String> partitionColumns() {
    throw new UnsupportedOperationException("in progress");
  }

  public Map<String, String> properties() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The live files, streamed; close the iterator. */
  public CloseableIterator<AddFile> addFiles() {
    throw new UnsupportedOperationException("in progress");
  }

  /** The remove tombstones still in the log (for VACUUM). */
  public CloseableIterator<RemoveFile> tombstones() {
    throw new UnsupportedOperationException("in progress");
  }

  public OptionalLong appTransactionVersion(String appId) {
    throw new UnsupportedOperationException("in progress");
  }

  public Optional<DomainMetadata> domainMetadata(String domain) {
    throw new UnsupportedOperationException("in progress");
  }
}
