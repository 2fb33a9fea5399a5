package io.delta4j;

import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a checkpoint must preserve of a snapshot, in a form that compares with
 * {@code equals}: files sorted, and normalised where a checkpoint legitimately differs from the
 * commits ({@code dataChange} is stored false; checkpointed removes carry no {@code stats} or
 * {@code tags}, PROTOCOL.md "Checkpoints").
 */
record SnapshotContent(
    long version,
    Protocol protocol,
    Metadata metadata,
    Map<String, SetTransaction> transactions,
    Map<String, DomainMetadata> domains,
    List<AddFile> adds,
    List<RemoveFile> tombstones) {

  private static final Comparator<AddFile> ADD_ORDER =
      Comparator.comparing(AddFile::path).thenComparing(a -> a.deletionVector().map(d -> d.uniqueId()).orElse(""));
  private static final Comparator<RemoveFile> REMOVE_ORDER =
      Comparator.comparing(RemoveFile::path).thenComparing(r -> r.deletionVector().map(d -> d.uniqueId()).orElse(""));

  static SnapshotContent of(Snapshot s) {
    List<AddFile> adds = s.addFiles().stream().map(SnapshotContent::normalise).sorted(ADD_ORDER).toList();
    List<RemoveFile> tombstones =
        s.tombstones().stream().map(SnapshotContent::normalise).sorted(REMOVE_ORDER).toList();
    return new SnapshotContent(s.version(), s.protocol(), s.metadata(), new TreeMap<>(s.appTransactions()),
        new TreeMap<>(s.domainMetadata()), adds, tombstones);
  }

  /** These contents without the tombstones a checkpoint may drop. */
  SnapshotContent withTombstones(List<RemoveFile> kept) {
    return new SnapshotContent(version, protocol, metadata, transactions, domains, adds,
        kept.stream().sorted(REMOVE_ORDER).toList());
  }

  static AddFile normalise(AddFile a) {
    return new AddFile(a.path(), a.partitionValues(), a.size(), a.modificationTime(), false, a.stats(), a.tags(),
        a.deletionVector(), a.baseRowId(), a.defaultRowCommitVersion(), a.clusteringProvider());
  }

  static RemoveFile normalise(RemoveFile r) {
    return new RemoveFile(r.path(), r.deletionTimestamp(), false, r.extendedFileMetadata(), r.partitionValues(),
        r.size(), Optional.empty(), Map.of(), r.deletionVector(), r.baseRowId(), r.defaultRowCommitVersion());
  }
}
