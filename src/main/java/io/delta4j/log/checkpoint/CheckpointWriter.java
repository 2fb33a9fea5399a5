package io.delta4j.log.checkpoint;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaErrors;
import io.delta4j.Snapshot;
import io.delta4j.data.ParquetActionWriter;
import io.delta4j.data.ParquetActionWriter.Layout;
import io.delta4j.data.ParsedAddColumns;
import io.delta4j.data.StorageWriteException;
import io.delta4j.log.ActionWriter;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.TableFeatures;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import io.delta4j.log.checkpoint.LastCheckpoint.V2Checkpoint;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a checkpoint of a snapshot and then points {@code _last_checkpoint} at it (PROTOCOL.md,
 * "Checkpoints", "Checkpoint Specs", "Checkpoint Naming Scheme", "Last Checkpoint File Schema").
 *
 * <p>Content: the protocol, the metadata, every {@code txn} (less those older than
 * {@code delta.setTransactionRetentionDuration} when it is set), the live domains, the live files
 * and the remove tombstones that have not expired ({@code delta.deletedFileRetentionDuration},
 * default one week, measured from {@code deletionTimestamp}; a remove without one is kept, as
 * VACUUM cannot know it is old). Never {@code commitInfo} or {@code cdc}. File actions are
 * streamed from the snapshot, never held in memory together.
 *
 * <p>Form: a classic single-file V1 checkpoint {@code N.checkpoint.parquet}, which a racing writer
 * may overwrite with the same content (harmless, the protocol says); or, when the protocol has
 * {@code v2Checkpoint} and {@code delta.checkpointPolicy=v2}, a V2 checkpoint
 * {@code N.checkpoint.<uuid>.parquet} holding {@code checkpointMetadata}, the non-file actions and
 * one {@code sidecar} action per sidecar file ({@code _delta_log/_sidecars/<uuid>.parquet}), which
 * hold the file actions, a bounded number each. Every file appears whole or not at all: a failure
 * publishes no checkpoint (sidecars already written are deleted, best effort).
 *
 * <p>Columns of {@code add}: {@code stats} unless {@code delta.checkpoint.writeStatsAsJson=false};
 * with {@code delta.checkpoint.writeStatsAsStruct=true} also {@code stats_parsed} and, for a
 * partitioned table, {@code partitionValues_parsed}, parsed from each add's strings
 * ({@link ParsedAddColumns}).
 */
public final class CheckpointWriter {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

  /**
   * Up to this many actions of the V2 checkpoint (non-file actions, sidecars) are embedded in
   * {@code _last_checkpoint}, so that readers that use them need not open the checkpoint ("V2
   * Spec": a writer can choose to). Beyond it, or beyond {@link #MAX_EMBEDDED_BYTES} of JSON (a wide
   * schema), they are left out: every reader reads that file on every open.
   */
  static final int MAX_EMBEDDED_ACTIONS = 30;

  static final int MAX_EMBEDDED_BYTES = 64 * 1024;

  private final String table;
  private final StorageBackend storage;
  private final URI logDir;
  private final Clock clock;

  /**
   * @param table how messages name the table
   * @param logDir the table's {@code _delta_log} directory, ending in {@code /}
   * @param clock the time tombstone and transaction retention are measured against
   */
  public CheckpointWriter(String table, StorageBackend storage, URI logDir, Clock clock) {
    this.table = table;
    this.storage = storage;
    this.logDir = logDir;
    this.clock = clock;
  }

  /**
   * Writes a checkpoint of {@code snapshot} and the {@code _last_checkpoint} pointing at it.
   *
   * @param actionsPerSidecar the most file actions one V2 sidecar holds
   * @return what {@code _last_checkpoint} was given
   * @throws io.delta4j.UnsupportedTableFeatureException for writer features delta4j does not know,
   *     or a catalog-managed table
   * @throws io.delta4j.CorruptLogException for a table property that cannot be parsed, or a log
   *     that cannot be read
   * @throws io.delta4j.StorageException when reading or writing fails
   */
  public LastCheckpoint write(Snapshot snapshot, long actionsPerSidecar) {
    if (actionsPerSidecar < 1) {
      throw new IllegalArgumentException("actionsPerSidecar must be positive, was " + actionsPerSidecar);
    }
    TableFeatures.checkCheckpointable(table, snapshot.protocol());
    long version = snapshot.version();
    CheckpointSettings settings = CheckpointSettings.of(table, version, snapshot.protocol(), snapshot.metadata());
    long now = clock.millis();
    List<Action> state = stateActions(snapshot, settings, now);
    Optional<ParsedAddColumns> parsed = parsedColumns(snapshot, settings);
    LastCheckpoint written = settings.v2()
        ? writeV2(snapshot, settings, parsed, state, now, actionsPerSidecar)
        : writeV1(snapshot, settings, parsed, state, now);
    writeLastCheckpoint(written);
    return written;
  }

  /**
   * The typed add columns, when the table asks for them. Delta adds {@code tightBounds} to
   * {@code stats_parsed} when the table supports deletion vectors, whose files' bounds may be wide.
   */
  private static Optional<ParsedAddColumns> parsedColumns(Snapshot snapshot, CheckpointSettings settings) {
    if (!settings.statsAsStruct()) {
      return Optional.empty();
    }
    return Optional.of(ParsedAddColumns.of(snapshot.schema(), snapshot.partitionColumns(),
        ColumnMappingMode.fromProperties(snapshot.properties()), settings.numIndexedCols(), settings.statsColumns(),
        snapshot.protocol().writerFeatures().contains("deletionVectors")));
  }

  /** Protocol, metadata, retained transactions and live domains, in that order. */
  private static List<Action> stateActions(Snapshot snapshot, CheckpointSettings settings, long now) {
    List<Action> out = new ArrayList<>();
    out.add(snapshot.protocol());
    out.add(snapshot.metadata());
    // PROTOCOL.md leaves txn expiry to the writer; Delta drops a txn once its lastUpdated is past
    // delta.setTransactionRetentionDuration, and keeps one without lastUpdated.
    long txnCutoff = settings.txnRetentionMillis().isPresent()
        ? now - settings.txnRetentionMillis().getAsLong()
        : Long.MIN_VALUE;
    for (SetTransaction txn : snapshot.appTransactions().values()) {
      if (txn.lastUpdated().isEmpty() || txn.lastUpdated().getAsLong() > txnCutoff) {
        out.add(txn);
      }
    }
    out.addAll(snapshot.domainMetadata().values()); // removed domains are already gone
    return out;
  }

  private LastCheckpoint writeV1(
      Snapshot snapshot, CheckpointSettings settings, Optional<ParsedAddColumns> parsed, List<Action> state, long now) {
    String name = LogFileNames.classicCheckpoint(snapshot.version());
    URI location = logDir.resolve(name);
    FileCounts counts = new FileCounts();
    long bytes;
    try (ParquetActionWriter out = ParquetActionWriter.create(
        storage, location, Layout.V1_CHECKPOINT, settings.statsAsJson(), parsed)) {
      for (Action a : state) {
        out.write(a);
      }
      writeFileActions(snapshot, settings, now, counts, out::write);
      bytes = out.finish();
    } catch (IOException e) {
      throw writeFailed(location, e);
    }
    LOG.debug("{}: wrote {} ({} actions, {} bytes)", table, name, state.size() + counts.total(), bytes);
    return new LastCheckpoint(snapshot.version(), state.size() + counts.total(), OptionalInt.empty(),
        OptionalLong.of(bytes), OptionalLong.of(counts.adds), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty());
  }

  private LastCheckpoint writeV2(Snapshot snapshot, CheckpointSettings settings, Optional<ParsedAddColumns> parsed,
      List<Action> state, long now, long actionsPerSidecar) {
    long version = snapshot.version();
    SidecarWriter sidecars = new SidecarWriter(settings.statsAsJson(), parsed, actionsPerSidecar);
    FileCounts counts = new FileCounts();
    String name = LogFileNames.paddedVersion(version) + ".checkpoint." + UUID.randomUUID() + ".parquet";
    URI location = logDir.resolve(name);
    List<Action> top = new ArrayList<>();
    top.add(new CheckpointMetadata(version, Map.of()));
    top.addAll(state);
    long topBytes;
    try {
      writeFileActions(snapshot, settings, now, counts, sidecars::write);
      sidecars.finish();
      try (ParquetActionWriter out = ParquetActionWriter.create(storage, location, Layout.V2_CHECKPOINT, settings.statsAsJson())) {
        for (Action a : top) {
          out.write(a);
        }
        for (Sidecar s : sidecars.written) {
          out.write(s);
        }
        topBytes = out.finish();
      }
    } catch (IOException e) {
      sidecars.discard();
      throw writeFailed(location, e);
    } catch (RuntimeException | Error e) {
      sidecars.discard();
      throw e;
    }
    long modified = clock.millis();
    long sidecarBytes = 0;
    for (Sidecar s : sidecars.written) {
      sidecarBytes += s.sizeInBytes();
    }
    long size = top.size() + sidecars.written.size() + counts.total();
    LOG.debug("{}: wrote {} with {} sidecars ({} actions, {} bytes)", table, name, sidecars.written.size(), size,
        topBytes + sidecarBytes);
    V2Checkpoint embedded = new V2Checkpoint(name, topBytes, modified,
        embeddable(top) ? Optional.of(top) : Optional.empty(),
        embeddable(sidecars.written) ? Optional.of(sidecars.written) : Optional.empty());
    return new LastCheckpoint(version, size, OptionalInt.empty(), OptionalLong.of(topBytes + sidecarBytes),
        OptionalLong.of(counts.adds), Optional.empty(), Map.of(), Optional.of(embedded), Optional.empty());
  }

  private static boolean embeddable(List<? extends Action> actions) {
    if (actions.size() > MAX_EMBEDDED_ACTIONS) {
      return false;
    }
    long bytes = 0;
    for (Action a : actions) {
      bytes += ActionWriter.toJson(a).length();
    }
    return bytes <= MAX_EMBEDDED_BYTES;
  }

  /** Streams the live files, then the unexpired tombstones, to {@code sink}. */
  private static void writeFileActions(
      Snapshot snapshot, CheckpointSettings settings, long now, FileCounts counts, ActionSink sink)
      throws IOException {
    try (CloseableIterator<AddFile> adds = snapshot.addFiles()) {
      while (adds.hasNext()) {
        sink.write(adds.next());
        counts.adds++;
      }
    }
    long cutoff = now - settings.tombstoneRetentionMillis();
    try (CloseableIterator<RemoveFile> removes = snapshot.tombstones()) {
      while (removes.hasNext()) {
        RemoveFile r = removes.next();
        if (r.deletionTimestamp().isEmpty() || r.deletionTimestamp().getAsLong() > cutoff) {
          sink.write(r);
          counts.removes++;
        }
      }
    }
  }

  /**
   * Overwrites {@code _last_checkpoint}, unless it already names a newer checkpoint (a table
   * checkpointed at an older version must not move readers' starting point back).
   */
  private void writeLastCheckpoint(LastCheckpoint written) {
    URI location = logDir.resolve(LogFileNames.LAST_CHECKPOINT);
    try {
      Optional<LastCheckpoint> existing = Optional.empty();
      try {
        existing = LastCheckpoint.parse(storage.readAllBytes(location), table);
      } catch (NoSuchFileException absent) {
        // the first checkpoint
      }
      if (existing.isPresent() && existing.get().version() > written.version()) {
        LOG.debug("{}: {} names version {}, newer than {}; left as is", table, LogFileNames.LAST_CHECKPOINT,
            existing.get().version(), written.version());
        return;
      }
      try (OutputStream out = storage.create(location)) {
        out.write(LastCheckpoint.toJson(written));
      }
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "write", location, e);
    }
  }

  private RuntimeException writeFailed(URI location, IOException e) {
    IOException cause = e instanceof StorageWriteException s ? s.getCause() : e;
    return DeltaErrors.storage(table, "write", location, cause);
  }

  @FunctionalInterface
  private interface ActionSink {
    void write(Action action) throws IOException;
  }

  private static final class FileCounts {
    long adds;
    long removes;

    long total() {
      return adds + removes;
    }
  }

  /**
   * Spreads file actions over sidecar files of at most {@code perFile} actions each
   * ("V2 Spec": with sidecars, every add and remove lives in one). Its storage failures are
   * reported naming the sidecar.
   */
  private final class SidecarWriter {
    private final boolean statsAsJson;
    private final Optional<ParsedAddColumns> parsed;
    private final long perFile;
    private final List<Sidecar> written = new ArrayList<>();
    private ParquetActionWriter current;
    private String currentName;

    SidecarWriter(boolean statsAsJson, Optional<ParsedAddColumns> parsed, long perFile) {
      this.statsAsJson = statsAsJson;
      this.parsed = parsed;
      this.perFile = perFile;
    }

    void write(Action action) {
      try {
        if (current == null) {
          currentName = UUID.randomUUID() + ".parquet";
          current = ParquetActionWriter.create(storage, location(currentName), Layout.SIDECAR, statsAsJson, parsed);
        }
        current.write(action);
        if (current.actions() >= perFile) {
          closeCurrent();
        }
      } catch (IOException e) {
        throw writeFailed(location(currentName), e);
      }
    }

    void finish() {
      if (current != null) {
        try {
          closeCurrent();
        } catch (IOException e) {
          throw writeFailed(location(currentName), e);
        }
      }
    }

    private void closeCurrent() throws IOException {
      ParquetActionWriter out = current;
      current = null;
      long bytes;
      try (out) {
        bytes = out.finish();
      }
      // The path is the bare file name, relative to _delta_log/_sidecars/ ("Sidecar File Information").
      written.add(new Sidecar(currentName, bytes, clock.millis(), Map.of()));
    }

    /** Aborts the open sidecar and deletes the finished ones: no checkpoint references them. */
    void discard() {
      if (current != null) {
        try {
          current.close();
        } catch (IOException | RuntimeException e) {
          LOG.debug("{}: aborting sidecar {} failed: {}", table, currentName, e.toString());
        }
        current = null;
      }
      for (Sidecar s : written) {
        try {
          storage.delete(location(s.path()));
        } catch (IOException | RuntimeException e) {
          LOG.debug("{}: could not delete the unused sidecar {}: {}", table, s.path(), e.toString());
        }
      }
    }

    private URI location(String name) {
      return logDir.resolve(LogFileNames.SIDECAR_DIR + "/" + name);
    }
  }
}
