package io.delta4j.log;

import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reconciled state of one version, except its file actions: those are replayed from the log
 * each time they are listed (see {@link LiveFiles}), so a snapshot holds nothing per file and its
 * memory does not grow with the table or with the commits after the checkpoint.
 *
 * @param segment the log files of this version
 * @param protocol the latest protocol
 * @param metadata the latest metadata
 * @param transactions latest {@code txn} per application id
 * @param domains live domain metadata per domain (tombstones removed)
 * @param sidecars the sidecar files of a V2 checkpoint, which hold its file actions
 * @param timestamp the commit timestamp of this version, in milliseconds
 */
public record SnapshotState(
    LogSegment segment,
    Protocol protocol,
    Metadata metadata,
    Map<String, SetTransaction> transactions,
    Map<String, DomainMetadata> domains,
    List<Sidecar> sidecars,
    long timestamp) {

  public SnapshotState {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(metadata, "metadata");
    transactions = Collections.unmodifiableMap(new LinkedHashMap<>(transactions));
    domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
    sidecars = List.copyOf(sidecars);
  }

  public long version() {
    return segment.version();
  }
}
