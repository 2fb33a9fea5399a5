package io.delta4j.maintenance;

import io.delta4j.DeltaErrors;
import io.delta4j.Snapshot;
import io.delta4j.VacuumResult;
import io.delta4j.log.TableFeatures;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VACUUM, as Delta's {@code VacuumCommand} does it: deletes every file under the table root that is
 * older than the retention and that no live file and no unexpired tombstone references, data file
 * or deletion vector file (PROTOCOL.md "Add File and Remove File": tombstones keep files readable
 * by time travel until they expire). Files outside the root are never touched, even when the log
 * names them; the log itself and hidden paths are kept (see {@link VacuumScope}). Unlike Delta,
 * empty directories are left in place and no VACUUM START/END commits are written.
 *
 * <p>Before anything, the writer protocol check that {@code vacuumProtocolCheck} requires runs for
 * every table, as PROTOCOL.md "VACUUM Protocol Check" recommends: a writer feature delta4j does not
 * know may keep files in the table directory that look unreferenced.
 */
public final class Vacuum {
  private static final Logger LOG = LoggerFactory.getLogger(Vacuum.class);

  private final StorageBackend storage;
  private final Clock clock;

  public Vacuum(StorageBackend storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Vacuums the table as of {@code snapshot}, which should be its latest version.
   *
   * @param retention how old an unreferenced file, and a tombstone, must be to go; empty for the
   *     table's {@code delta.deletedFileRetentionDuration} (one week when unset)
   * @param force allow a retention shorter than the table's
   * @throws IllegalArgumentException when the retention is negative
   * @throws io.delta4j.RetentionTooShortException when the retention is shorter than the table's
   *     and {@code force} is false
   * @throws io.delta4j.UnsupportedTableFeatureException when the table has writer features delta4j
   *     does not know, or is catalog-managed
   */
  public VacuumResult run(Snapshot snapshot, Optional<Duration> retention, boolean dryRun, boolean force) {
    String table = snapshot.table();
    TableFeatures.checkMaintainable(table, snapshot.protocol(), "vacuum");
    Duration tableRetention = Retention.of(snapshot, Retention.DELETED_FILES, Retention.DELETED_FILES_DEFAULT);
    Duration kept = retention.orElse(tableRetention);
    if (kept.isNegative()) {
      throw new IllegalArgumentException("The vacuum retention must not be negative, was " + kept);
    }
    if (!force && kept.compareTo(tableRetention) < 0) {
      throw MaintenanceErrors.retentionTooShort(table, kept, tableRetention);
    }
    long deleteBefore = clock.millis() - kept.toMillis();
    Set<String> referenced = ReferencedFiles.of(snapshot, deleteBefore);
    List<FileEntry> garbage = garbage(snapshot, referenced, deleteBefore);
    long bytes = garbage.stream().mapToLong(FileEntry::size).sum();
    List<URI> files = garbage.stream().map(FileEntry::location).toList();
    if (dryRun) {
      LOG.info("{}: vacuum dry run found {} files ({} bytes) older than {}", table, files.size(), bytes, Retention.describe(kept));
      return new VacuumResult(files, bytes, true);
    }
    for (URI file : files) {
      try {
        storage.delete(file);
      } catch (IOException e) {
        throw DeltaErrors.storage(table, "delete", file, e);
      }
    }
    LOG.info("{}: vacuum deleted {} files ({} bytes) older than {}", table, files.size(), bytes, Retention.describe(kept));
    return new VacuumResult(files, bytes, false);
  }

  /** The files under the root that are old enough, not kept by {@link VacuumScope}, and not referenced. */
  private List<FileEntry> garbage(Snapshot snapshot, Set<String> referenced, long deleteBefore) {
    URI root = snapshot.root();
    String rootPath = root.getPath();
    VacuumScope scope = VacuumScope.of(snapshot.metadata());
    List<FileEntry> garbage = new ArrayList<>();
    try {
      Iterator<FileEntry> files = storage.listRecursively(root);
      while (files.hasNext()) {
        FileEntry file = files.next();
        String path = file.location().getPath();
        if (file.modificationTime() >= deleteBefore || !path.startsWith(rootPath)
            || scope.keeps(path.substring(rootPath.length()))
            || referenced.contains(ReferencedFiles.key(root, file.location()))) {
          continue;
        }
        garbage.add(file);
      }
    } catch (IOException e) {
      throw DeltaErrors.storage(snapshot.table(), "list", root, e);
    } catch (UncheckedIOException e) {
      throw DeltaErrors.storage(snapshot.table(), "list", root, e.getCause());
    } catch (UnsupportedOperationException e) {
      throw MaintenanceErrors.cannotListRecursively(snapshot.table(), root, e);
    }
    garbage.sort(Comparator.comparing(f -> f.location().toString()));
    return garbage;
  }
}
