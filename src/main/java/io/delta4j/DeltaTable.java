package io.delta4j;

import io.delta4j.log.Checkpoint;
import io.delta4j.log.LogHistory;
import io.delta4j.log.LogReplay;
import io.delta4j.log.LogSegment;
import io.delta4j.log.LogSegmentBuilder;
import io.delta4j.log.SnapshotState;
import io.delta4j.log.TableFeatures;
import io.delta4j.log.checkpoint.CheckpointWriter;
import io.delta4j.log.crc.VersionChecksums;
import io.delta4j.maintenance.LogCleanup;
import io.delta4j.maintenance.Vacuum;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import io.delta4j.storage.StorageBackends;
import io.delta4j.types.StructType;
import io.delta4j.write.CheckpointInterval;
import io.delta4j.write.CommitOutcome;
import io.delta4j.write.TableCreation;
import io.delta4j.write.TableWrite;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Delta table: the entry point of delta4j. {@link #open(String)} loads the latest snapshot; the
 * table then answers from it until {@link #refresh()}. Thread-safe.
 *
 * <pre>{@code
 * try (DeltaTable table = DeltaTable.open("tests-data/people")) {
 *   long version = table.version();
 *   List<String> files = table.getFiles();
 *   Snapshot old = table.snapshotAt(3);
 * }
 * }</pre>
 */
public final class DeltaTable implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaTable.class);
  private static final String EXPIRED_LOG_CLEANUP = "delta.enableExpiredLogCleanup";

  private final String name;
  private final URI root;
  private final StorageBackend storage;
  private final LogSegmentBuilder segments;
  private final LogReplay replay;
  private final LogHistory history;
  private volatile Snapshot current;

  private DeltaTable(String name, URI root, StorageBackend storage, OptionalLong version) {
    this.name = name;
    this.root = root;
    this.storage = storage;
    this.segments = new LogSegmentBuilder(name, storage, root);
    this.replay = new LogReplay(name, storage, root, segments.logDir());
    this.history = new LogHistory(name, storage, segments);
    this.current = load(version);
  }

  /**
   * Opens the table at a local path (relative or absolute), a {@code file:} URI, or another URI
   * whose storage is available, and loads its latest snapshot.
   *
   * @throws TableNotFoundException when there is no Delta table there
   * @throws UnsupportedTableFeatureException when the table needs features delta4j lacks
   * @throws CorruptLogException when the log cannot be replayed
   */
  public static DeltaTable open(String location) {
    return open(location, StorageOptions.none());
  }

  /**
   * Opens the table at {@code location} with storage settings, for example an S3-compatible server:
   *
   * <pre>{@code
   * DeltaTable t = DeltaTable.open("s3://bucket/events",
   *     StorageOptions.of(Map.of("endpoint", "http://127.0.0.1:9000")));
   * }</pre>
   *
   * @throws TableNotFoundException when there is no Delta table there
   * @throws IllegalArgumentException when an option is unknown or has a bad value
   * @see StorageOptions for the keys
   */
  public static DeltaTable open(String location, StorageOptions options) {
    Objects.requireNonNull(location, "location");
    URI root = Locations.tableRoot(location);
    StorageBackend storage = StorageBackends.forUri(root, options);
    return closingOnFailure(storage, () -> new DeltaTable(location, root, storage, OptionalLong.empty()));
  }

  /**
   * Opens the table and loads the snapshot at {@code version} rather than the latest: this reads
   * only the log up to that version, so it works even when a later commit is damaged.
   * {@link #refresh()} moves on to the latest version.
   *
   * @throws VersionNotFoundException when the version does not exist or is no longer
   *     reconstructable
   */
  public static DeltaTable open(String location, long version) {
    return open(location, version, StorageOptions.none());
  }

  /** As {@link #open(String, long)}, with storage settings (see {@link StorageOptions}). */
  public static DeltaTable open(String location, long version, StorageOptions options) {
    Objects.requireNonNull(location, "location");
    URI root = Locations.tableRoot(location);
    if (version < 0) {
      throw DeltaErrors.versionNotFound(location, version, -1, -1);
    }
    StorageBackend storage = StorageBackends.forUri(root, options);
    return closingOnFailure(storage, () -> new DeltaTable(location, root, storage, OptionalLong.of(version)));
  }

  /**
   * Opens the table at {@code root} through a storage backend of the caller's choosing.
   *
   * @param name how messages name the table
   */
  public static DeltaTable open(String name, URI root, StorageBackend storage) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(storage, "storage");
    return new DeltaTable(name, root, storage, OptionalLong.empty());
  }

  /**
   * Creates a table at a local path or URI and opens it: version 0 holds the schema, the partition
   * columns, the properties and the smallest protocol that supports the features they ask for (for
   * example {@code delta.enableDeletionVectors=true} gives reader 3 / writer 7 with
   * {@code deletionVectors} listed).
   *
   * <pre>{@code
   * DeltaTable t = DeltaTable.create("/data/events", schema, List.of("date"),
   *     Map.of("delta.enableDeletionVectors", "true"));
   * }</pre>
   *
   * @throws TableAlreadyExistsException when a table exists there already
   */
  public static DeltaTable create(String location, StructType schema, List<String> partitionColumns,
      Map<String, String> properties) {
    return create(location, schema, partitionColumns, properties, StorageOptions.none());
  }

  /** As {@link #create(String, StructType, List, Map)}, with storage settings (see {@link StorageOptions}). */
  public static DeltaTable create(String location, StructType schema, List<String> partitionColumns,
      Map<String, String> properties, StorageOptions options) {
    Objects.requireNonNull(location, "location");
    URI root = Locations.tableRoot(location);
    StorageBackend storage = StorageBackends.forUri(root, options);
    return closingOnFailure(
        storage, () -> create(location, root, storage, schema, partitionColumns, properties));
  }

  /** Runs {@code open}; if it fails, releases the backend (an S3 client holds connections). */
  private static DeltaTable closingOnFailure(StorageBackend storage, Supplier<DeltaTable> open) {
    try {
      return open.get();
    } catch (RuntimeException | Error e) {
      try {
        storage.close();
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** As {@link #create(String, StructType, List, Map)}, but opens the table that exists there, if any. */
  public static DeltaTable createIfNotExists(String location, StructType schema, List<String> partitionColumns,
      Map<String, String> properties) {
    try {
      return create(location, schema, partitionColumns, properties);
    } catch (TableAlreadyExistsException exists) {
      return open(location);
    }
  }

  /** As {@link #create(String, StructType, List, Map)}, through a storage backend of the caller's choosing. */
  public static DeltaTable create(String name, URI root, StorageBackend storage, StructType schema,
      List<String> partitionColumns, Map<String, String> properties) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(partitionColumns, "partitionColumns");
    Objects.requireNonNull(properties, "properties");
    LogSegmentBuilder segments = new LogSegmentBuilder(name, storage, root);
    CommitOutcome created = TableCreation.create(
        name, storage, root, segments.logDir(), schema, partitionColumns, properties, Clock.systemUTC());
    VersionChecksums.afterCommit(storage, root, name, created.version(), created.actions(), Optional.empty());
    return new DeltaTable(name, root, storage, OptionalLong.empty());
  }

  /**
   * Starts a transaction on the table's latest version (the table is refreshed first).
   *
   * @throws UnsupportedTableFeatureException when the table has writer features delta4j cannot
   *     honour, or invariants or CHECK constraints it cannot evaluate
   */
  public Transaction newTransaction() {
    Snapshot read = refresh();
    TableFeatures.checkWritable(name, read.protocol(), read.metadata());
    return new Transaction(this, new TableWrite(name, root, segments.logDir(), storage, read, Clock.systemUTC()));
  }

  /**
   * After a commit: writes its version checksum ({@code .crc}), moves this table to its version (or
   * later), then writes a checkpoint when the version is a multiple of
   * {@code delta.checkpointInterval} (default 10) and cleans up expired log files
   * ({@link #cleanupLog()}) unless {@code delta.enableExpiredLogCleanup=false}. No failure here is
   * raised: the commit stands, and readers replay a few more commits.
   *
   * @param read the snapshot the transaction read, from which the checksum can be computed when
   *     the previous version has none
   */
  void afterCommit(CommitOutcome outcome, Snapshot read) {
    long version = outcome.version();
    VersionChecksums.afterCommit(storage, root, name, version, outcome.actions(), Optional.of(read));
    Snapshot committed = advanceTo(version);
    long interval = CheckpointInterval.of(name, version, committed.properties());
    if (version > 0 && version % interval == 0) {
      try {
        new CheckpointWriter(name, storage, segments.logDir(), Clock.systemUTC())
            .write(committed, CheckpointOptions.defaults().actionsPerSidecar());
        // As Delta does after a checkpoint, unless delta.enableExpiredLogCleanup=false.
        if (!"false".equalsIgnoreCase(committed.properties().get(EXPIRED_LOG_CLEANUP))) {
          cleanupLog();
        }
      } catch (DeltaException e) {
        LOG.warn("{}: checkpoint or log cleanup after version {} failed; the commit stands: {}", name, version,
            e.getMessage());
      }
    }
  }

  /** The snapshot at {@code version}, built from the held one when possible; the table moves to it if it is newer. */
  private synchronized Snapshot advanceTo(long version) {
    Snapshot held = current;
    if (held.version() == version) {
      return held;
    }
    LogSegment segment = segments.build(OptionalLong.of(version));
    SnapshotState state =
        held.version() < version && segment.checkpoint().equals(held.state().segment().checkpoint())
            ? replay.update(held.state(), segment)
            : replay.load(segment);
    Snapshot snapshot = new Snapshot(name, root, state, replay, storage);
    if (version > held.version()) {
      current = snapshot;
    }
    return snapshot;
  }

  /** The table root, absolute, ending in {@code /}. */
  public URI root() {
    return root;
  }

  /** The version of the snapshot this table holds (the latest when opened or refreshed). */
  public long version() {
    return current.version();
  }

  /** The live files' paths, exactly as written in the log. */
  public List<String> getFiles() {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> paths = current.filePaths()) {
      paths.forEachRemaining(out::add);
    }
    return out;
  }

  /** The live files as absolute URIs, resolved against the table root. */
  public List<URI> getFileUris() {
    List<URI> out = new ArrayList<>();
    try (CloseableIterator<String> paths = current.filePaths()) {
      paths.forEachRemaining(p -> out.add(Locations.resolve(root, p)));
    }
    return out;
  }

  /** The snapshot this table holds (the latest at open or at the last refresh). */
  public Snapshot snapshot() {
    return current;
  }

  /**
   * The snapshot at {@code version}.
   *
   * @throws VersionNotFoundException when the version is newer than the latest or older than the
   *     earliest the log can reconstruct
   */
  public Snapshot snapshotAt(long version) {
    Snapshot held = current;
    if (version == held.version()) {
      return held;
    }
    if (version < 0) {
      throw DeltaErrors.versionNotFound(name, version, -1, held.version());
    }
    return load(OptionalLong.of(version));
  }

  /**
   * The snapshot of the latest commit at or before {@code timestamp}: in-commit timestamps when
   * the table has them, else commit file modification times. Commits newer than the version
   * this table holds are not considered; {@link #refresh()} first to see them.
   *
   * @throws VersionNotFoundException when the timestamp is before the first available commit or
   *     after the latest one
   */
  public Snapshot snapshotAsOf(Instant timestamp) {
    Objects.requireNonNull(timestamp, "timestamp");
    return snapshotAt(history.versionAsOf(current.state(), timestamp));
  }

  /**
   * Brings the table to its latest version, reading only the log files after the version it
   * holds (or a newer checkpoint), and returns the new snapshot. Snapshots taken before stay
   * valid and unchanged.
   */
  public synchronized Snapshot refresh() {
    Snapshot held = current;
    LogSegment latest = segments.extend(held.state().segment());
    if (latest == held.state().segment()) {
      return held;
    }
    SnapshotState state =
        latest.checkpoint().equals(held.state().segment().checkpoint())
            ? replay.update(held.state(), latest)
            : replay.load(latest);
    LOG.debug("{}: refreshed from version {} to {}", name, held.version(), state.version());
    current = new Snapshot(name, root, state, replay, storage);
    return current;
  }

  /**
   * Writes a checkpoint of the snapshot this table holds and points {@code _delta_log/_last_checkpoint}
   * at it; returns its version. Readers then replay the log from there, and commits up to that
   * version may be cleaned up. The checkpoint holds the protocol, the metadata, the application
   * transactions, the live domains, the live files and the remove tombstones that have not expired.
   *
   * <p>Its form follows the table: a classic single-file checkpoint
   * {@code <version>.checkpoint.parquet}, or, when the protocol has the {@code v2Checkpoint}
   * feature and {@code delta.checkpointPolicy=v2}, a V2 checkpoint whose files live in sidecars of
   * at most {@link CheckpointOptions#DEFAULT_ACTIONS_PER_SIDECAR} actions. Properties honoured:
   * {@code delta.deletedFileRetentionDuration} (tombstones, default one week),
   * {@code delta.setTransactionRetentionDuration} (transactions, kept forever when unset),
   * {@code delta.checkpoint.writeStatsAsJson} (default true: the JSON {@code add.stats}),
   * {@code delta.checkpoint.writeStatsAsStruct} (default false; when true, the typed
   * {@code add.stats_parsed} and, for a partitioned table, {@code add.partitionValues_parsed}, laid
   * out as Delta writes them, for the columns {@code delta.dataSkippingNumIndexedCols} or
   * {@code delta.dataSkippingStatsColumns} choose). Writing again is harmless: a classic checkpoint
   * is replaced by one with the same content.
   *
   * @throws UnsupportedTableFeatureException when the table has writer features delta4j does not
   *     know, or is catalog-managed
   * @throws CorruptLogException when a table property cannot be parsed or the log cannot be read
   * @throws StorageException when reading or writing fails; no checkpoint is then published
   */
  public long checkpoint() {
    return checkpoint(CheckpointOptions.defaults());
  }

  /** As {@link #checkpoint()}, with options (the size of V2 sidecars). */
  public long checkpoint(CheckpointOptions options) {
    Objects.requireNonNull(options, "options");
    Snapshot held = current;
    new CheckpointWriter(name, storage, segments.logDir(), Clock.systemUTC())
        .write(held, options.actionsPerSidecar());
    return held.version();
  }

  /**
   * The change data feed from {@code startVersion} to {@code endVersion}, both included: the rows
   * each commit inserted, deleted or updated, with {@code _change_type}, {@code _commit_version}
   * and {@code _commit_timestamp} (see {@link TableChanges}). Any version of the log may be named,
   * newer ones than this table holds included. The range's commits are read and checked here;
   * rows are read when {@link TableChanges#rows()} is iterated.
   *
   * <pre>{@code
   * try (CloseableIterator<Row> changes = table.changes(3, 7).rows()) { ... }
   * }</pre>
   *
   * @throws VersionNotFoundException when {@code startVersion} is negative or after
   *     {@code endVersion}, {@code endVersion} is after the latest version, or a commit file in
   *     the range was cleaned up
   * @throws ChangeDataNotRecordedException when a version in the range rewrote data while change
   *     data feed was off, so that its row-level changes were not recorded
   * @throws UnsupportedTableFeatureException when a version in the range needs reader features
   *     delta4j lacks
   */
  public TableChanges changes(long startVersion, long endVersion) {
    return TableChanges.load(name, root, storage, segments, startVersion, endVersion, this::snapshotAt);
  }

  /** Up to {@code limit} commits, newest first, at or before the version this table holds. */
  public List<HistoryEntry> history(int limit) {
    return history.history(current.state(), limit);
  }

  /** How messages name this table. */
  public String name() {
    return name;
  }

  /**
   * VACUUM with the table's retention: {@link #vacuum(Duration, boolean, boolean)} with
   * {@code delta.deletedFileRetentionDuration} (one week when unset), deleting for real.
   */
  public VacuumResult vacuum() {
    return vacuum(false /* dryRun */);
  }

  /** VACUUM with the table's retention; with {@code dryRun}, only lists what it would delete. */
  public VacuumResult vacuum(boolean dryRun) {
    return vacuum(Optional.empty(), dryRun, false /* force */, Clock.systemUTC());
  }

  /** {@link #vacuum(Duration, boolean, boolean)} without force. */
  public VacuumResult vacuum(Duration retention, boolean dryRun) {
    return vacuum(retention, dryRun, false /* force */);
  }

  /**
   * VACUUM: first {@link #refresh()}es to the latest version, then deletes every file under the
   * table root that is older than {@code retention} and that neither a live file nor a tombstone
   * younger than {@code retention} references, data and deletion vector files alike. Versions
   * whose tombstones expired can no longer be read afterwards. Kept whatever their age:
   * {@code _delta_log}, names starting with {@code _} or {@code .} (except {@code _change_data},
   * whose old change files go, as in Delta), and files outside the root. A dry run deletes nothing
   * and returns the same list. Empty directories are left in place.
   *
   * <p>Runs the writer protocol check of {@code vacuumProtocolCheck} on every table, as
   * PROTOCOL.md recommends: a writer feature delta4j does not know may keep files it would take
   * for garbage.
   *
   * @param retention how long unreferenced and removed files are kept
   * @param force allow a retention shorter than the table's {@code delta.deletedFileRetentionDuration}
   *     (only when nothing reads old versions or writes the table meanwhile)
   * @throws RetentionTooShortException when {@code retention} is shorter than the table's and
   *     {@code force} is false
   * @throws UnsupportedTableFeatureException when the table has writer features delta4j does not
   *     know, or is catalog-managed
   * @throws IllegalArgumentException when {@code retention} is negative
   * @throws StorageException when listing or deleting fails; files deleted before stay deleted
   */
  public VacuumResult vacuum(Duration retention, boolean dryRun, boolean force) {
    Objects.requireNonNull(retention, "retention");
    return vacuum(Optional.of(retention), dryRun, force, Clock.systemUTC());
  }

  /** VACUUM as of {@code clock}'s time; empty {@code retention} means the table's. */
  VacuumResult vacuum(Optional<Duration> retention, boolean dryRun, boolean force, Clock clock) {
    return new Vacuum(storage, clock).run(refresh(), retention, dryRun, force);
  }

  /**
   * Metadata cleanup (PROTOCOL.md "Metadata Cleanup"): first {@link #refresh()}es, then deletes the
   * log files of versions older than {@code delta.logRetentionDuration} (default 30 days, counted
   * from midnight UTC), keeping the newest checkpoint at or before that age and everything after
   * it, so every remaining version stays readable; without such a checkpoint it deletes nothing
   * ({@link #checkpoint()} first). Also deletes unreferenced V2 sidecars older than a day. Versions
   * before the kept checkpoint then fail with {@link VersionNotFoundException}, and snapshots of
   * them taken before must not be used.
   *
   * @throws UnsupportedTableFeatureException when the table has writer features delta4j does not
   *     know, or is catalog-managed
   * @throws StorageException when listing or deleting fails; files deleted before stay deleted
   */
  public LogCleanupResult cleanupLog() {
    return cleanupLog(Clock.systemUTC());
  }

  /** Log cleanup as of {@code clock}'s time. */
  synchronized LogCleanupResult cleanupLog(Clock clock) {
    LogCleanupResult result = new LogCleanup(storage, segments, history, clock).run(refresh());
    long held = current.state().segment().checkpoint().map(Checkpoint::version).orElse(-1L);
    if (result.earliestVersion().isPresent() && held < result.earliestVersion().getAsLong()) {
      current = load(OptionalLong.empty()); // the held snapshot streams its files from what was deleted
    }
    return result;
  }

  /** Releases the storage backend's resources. Snapshots must not be used afterwards. */
  @Override
  public void close() {
    try {
      storage.close();
    } catch (IOException e) {
      LOG.warn("{}: closing storage failed: {}", name, e.toString());
    }
  }

  private Snapshot load(OptionalLong version) {
    SnapshotState state = replay.load(segments.build(version));
    return new Snapshot(name, root, state, replay, storage);
  }
}
