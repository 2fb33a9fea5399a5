package io.delta4j.log.crc;

import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.SetTransaction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A version checksum being computed: running totals over live files, and the latest table-level
 * actions. A full computation starts {@link #empty()} and adds every live file; an incremental one
 * starts {@link #from} the previous checksum and applies one commit. An optional field that cannot
 * be known exactly (the previous checksum lacked it) is null here and left out of the result, so a
 * checksum never states a guess.
 */
final class ChecksumState {
  /** Beyond this many applications the transactions are left out, as Kernel does, to keep the file small. */
  static final int MAX_SET_TRANSACTIONS = 100;

  /** With it set, the live transactions depend on the clock, which a checksum cannot capture. */
  private static final String TXN_RETENTION = "delta.setTransactionRetentionDuration";
  private static final String DELETION_VECTORS = "deletionVectors";

  private long tableSizeBytes;
  private long numFiles;
  private long[] boundaries; // with fileCounts and totalBytes: null when unknown
  private long[] fileCounts;
  private long[] totalBytes;
  private boolean dvMetricsKnown;
  private long numDeletedRecords;
  private long numDeletionVectors;
  private long[] deletedRecordCounts; // null when unknown
  private Metadata metadata;
  private Protocol protocol;
  private Map<String, SetTransaction> transactions; // null when unknown
  private Map<String, DomainMetadata> domains; // null when unknown

  private ChecksumState() {}

  /** The state of a table with nothing in it yet; every field is known. */
  static ChecksumState empty() {
    ChecksumState s = new ChecksumState();
    s.histogram(FileSizeHistogram.empty());
    s.dvMetricsKnown = true;
    s.deletedRecordCounts = new long[DeletedRecordCountsHistogram.BINS];
    s.transactions = new HashMap<>();
    s.domains = new HashMap<>();
    return s;
  }

  /**
   * The state {@code previous} describes. An optional field it lacks is still known when its value
   * follows from the rest: everything is zero in an empty table, and a protocol without deletion
   * vectors means no file has one.
   */
  static ChecksumState from(VersionChecksum previous) {
    ChecksumState s = new ChecksumState();
    s.tableSizeBytes = previous.tableSizeBytes();
    s.numFiles = previous.numFiles();
    boolean empty = previous.numFiles() == 0;
    boolean noDvs = empty || !supportsDeletionVectors(previous.protocol());
    previous.fileSizeHistogram()
        .or(() -> empty ? Optional.of(FileSizeHistogram.empty()) : Optional.empty())
        .ifPresent(s::histogram);
    if (previous.numDeletedRecords().isPresent() && previous.numDeletionVectors().isPresent()) {
      s.dvMetricsKnown = true;
      s.numDeletedRecords = previous.numDeletedRecords().getAsLong();
      s.numDeletionVectors = previous.numDeletionVectors().getAsLong();
    } else {
      s.dvMetricsKnown = noDvs;
    }
    if (previous.deletedRecordCountsHistogram().isPresent()) {
      s.deletedRecordCounts = toArray(previous.deletedRecordCountsHistogram().get().deletedRecordCounts());
    } else if (noDvs) {
      s.deletedRecordCounts = new long[DeletedRecordCountsHistogram.BINS];
      s.deletedRecordCounts[0] = previous.numFiles();
    }
    s.metadata = previous.metadata();
    s.protocol = previous.protocol();
    previous.setTransactions().ifPresent(txns -> {
      s.transactions = new HashMap<>();
      txns.forEach(s::transaction);
    });
    previous.domainMetadata().ifPresent(list -> {
      s.domains = new HashMap<>();
      list.forEach(s::domain);
    });
    return s;
  }

  /** A live file joins the table. */
  void add(long size, Optional<DeletionVectorDescriptor> dv) {
    count(size, dv, 1);
  }

  /** A live file leaves the table. */
  void remove(long size, Optional<DeletionVectorDescriptor> dv) {
    count(size, dv, -1);
  }

  void metadata(Metadata m) {
    metadata = m;
  }

  /** The latest metadata; null before any. */
  Metadata metadata() {
    return metadata;
  }

  void protocol(Protocol p) {
    protocol = p;
  }

  void transaction(SetTransaction txn) {
    if (transactions != null) {
      transactions.put(txn.appId(), txn);
    }
  }

  void domain(DomainMetadata d) {
    if (domains == null) {
      return;
    }
    if (d.removed()) {
      domains.remove(d.domain());
    } else {
      domains.put(d.domain(), d);
    }
  }

  /**
   * The checksum of this state; empty when it has no metadata or protocol, or when a total went
   * negative (a remove of a file the previous checksum did not count: that checksum was wrong).
   */
  Optional<VersionChecksum> build(Optional<String> txnId, OptionalLong inCommitTimestamp) {
    if (metadata == null || protocol == null || tableSizeBytes < 0 || numFiles < 0
        || (dvMetricsKnown && (numDeletedRecords < 0 || numDeletionVectors < 0))
        || anyNegative(fileCounts)
        || anyNegative(totalBytes) || anyNegative(deletedRecordCounts)) {
      return Optional.empty();
    }
    boolean dvs = supportsDeletionVectors(protocol);
    boolean dvMetrics = dvs && dvMetricsKnown;
    boolean txns = transactions != null && transactions.size() <= MAX_SET_TRANSACTIONS
        && !metadata.configuration().containsKey(TXN_RETENTION);
    return Optional.of(new VersionChecksum(
        txnId,
        tableSizeBytes,
        numFiles,
        dvMetrics ? OptionalLong.of(numDeletedRecords) : OptionalLong.empty(),
        dvMetrics ? OptionalLong.of(numDeletionVectors) : OptionalLong.empty(),
        1 /* numMetadata */,
        1 /* numProtocol */,
        inCommitTimestamp,
        txns ? Optional.of(List.copyOf(transactions.values())) : Optional.empty(),
        domains == null ? Optional.empty() : Optional.of(List.copyOf(domains.values())),
        metadata,
        protocol,
        boundaries == null ? Optional.empty() : Optional.of(new FileSizeHistogram(
            toList(boundaries), toList(fileCounts), toList(totalBytes))),
        dvs && deletedRecordCounts != null
            ? Optional.of(new DeletedRecordCountsHistogram(toList(deletedRecordCounts)))
            : Optional.empty()));
  }

  /** Whether {@code protocol} allows deletion vectors, and so files may carry them. */
  static boolean supportsDeletionVectors(Protocol protocol) {
    return protocol.readerFeatures().contains(DELETION_VECTORS)
        || protocol.writerFeatures().contains(DELETION_VECTORS);
  }

  private void count(long size, Optional<DeletionVectorDescriptor> dv, int sign) {
    tableSizeBytes += sign * size;
    numFiles += sign;
    if (boundaries != null) {
      int bin = FileSizeHistogram.binOf(boundaries, size);
      fileCounts[bin] += sign;
      totalBytes[bin] += sign * size;
    }
    long deleted = dv.map(DeletionVectorDescriptor::cardinality).orElse(0L);
    if (dv.isPresent()) {
      numDeletionVectors += sign;
      numDeletedRecords += sign * deleted;
    }
    if (deletedRecordCounts != null) {
      deletedRecordCounts[DeletedRecordCountsHistogram.binOf(deleted)] += sign;
    }
  }

  private void histogram(FileSizeHistogram h) {
    boundaries = toArray(h.sortedBinBoundaries());
    fileCounts = toArray(h.fileCounts());
    totalBytes = toArray(h.totalBytes());
  }

  private static boolean anyNegative(long[] values) {
    return values != null && Arrays.stream(values).anyMatch(v -> v < 0);
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  private static List<Long> toList(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
