package io.delta4j.log.crc;

import io.delta4j.CloseableIterator;
import io.delta4j.CorruptLogException;
import io.delta4j.DeltaErrors;
import io.delta4j.DeltaException;
import io.delta4j.Snapshot;
import io.delta4j.log.InCommitTimestamps;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.FileAction;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes, reads and writes version checksums (PROTOCOL.md, "Version Checksum File").
 *
 * <p>Two computations give the same checksum. {@link #full} streams every live file of a snapshot:
 * exact, but as costly as listing the table. {@link #incremental} applies one commit's actions to
 * the previous version's checksum, at the cost of the commit alone; it is exact only when the
 * commit says enough, and returns empty otherwise:
 * <ul>
 *   <li>every {@code remove} carries its {@code size} (Delta, delta-rs and delta4j write it) and
 *       names a live file (a remove of a file the previous checksum did not count is caught only
 *       when a total would go negative);</li>
 *   <li>every {@code add} is a file new to the table, not a re-add of a live one (as a statistics
 *       recomputation does): trusted only when {@code commitInfo.operation} is one of
 *       {@link #NEW_FILE_OPERATIONS}, the operations Delta Kernel trusts too;</li>
 *   <li>no file is both added and removed (same path and deletion vector);</li>
 *   <li>with in-commit timestamps enabled, {@code commitInfo.inCommitTimestamp} is present.</li>
 * </ul>
 * An optional field the previous checksum lacks stays absent, unless it follows from the rest.
 *
 * <p>After a commit of version {@code v}, {@link #afterCommit} picks: the commit alone when
 * {@code v} is 0; {@link #incremental} on {@code v-1.crc} when that file exists; else {@link #full}
 * of the caller's snapshot of {@code v-1} then {@link #incremental}, when that snapshot has at
 * most {@link #FULL_COMPUTATION_MAX_FILES} files (this restarts the chain on tables whose writers
 * wrote no checksums); else nothing, since a checksum is optional and reading a large table's
 * file list after every commit is not.
 */
public final class VersionChecksums {
  private static final Logger LOG = LoggerFactory.getLogger(VersionChecksums.class);

  /** The operations (Delta's names) whose added files are all new to the table. */
  public static final Set<String> NEW_FILE_OPERATIONS = Set.of("WRITE", "MERGE", "UPDATE", "DELETE",
      "OPTIMIZE", "CREATE TABLE", "REPLACE TABLE", "CREATE TABLE AS SELECT",
      "REPLACE TABLE AS SELECT", "CREATE OR REPLACE TABLE AS SELECT");

  /** The largest snapshot {@link #afterCommit} computes a checksum of in full. */
  public static final long FULL_COMPUTATION_MAX_FILES = 10_000;

  private VersionChecksums() {}

  /** The checksum of {@code snapshot}, from all its live files; without {@code txnId}. */
  public static VersionChecksum full(Snapshot snapshot) {
    return full(snapshot, Long.MAX_VALUE).orElseThrow();
  }

  /**
   * The checksum of the version {@code actions} commit on top of {@code previous}, the checksum of
   * the version before; empty when the commit does not say enough (see the class comment).
   *
   * @param version the version the actions commit
   */
  public static Optional<VersionChecksum> incremental(
      VersionChecksum previous, long version, List<? extends Action> actions) {
    return apply(ChecksumState.from(previous), version, actions, true);
  }

  /** The checksum of version 0, created by {@code actions}; empty without metadata or protocol. */
  public static Optional<VersionChecksum> firstCommit(List<? extends Action> actions) {
    // Every add of the first commit is new: the operation need not vouch for it.
    return apply(ChecksumState.empty(), 0, actions, false);
  }

  /**
   * Reads {@code _delta_log/<version>.crc}; empty when there is none.
   *
   * @param root the table root, ending in {@code /}
   * @throws CorruptLogException when the file is not a valid checksum
   * @throws io.delta4j.StorageException when the storage fails
   */
  public static Optional<VersionChecksum> read(StorageBackend storage, URI root, String table, long version) {
    URI location = location(root, version);
    byte[] content;
    try {
      content = storage.readAllBytes(location);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "read", location, e);
    }
    return Optional.of(parse(content, table, fileName(version)));
  }

  /**
   * Parses the content of a checksum file.
   *
   * @param file the file relative to the table root, for messages
   * @throws CorruptLogException when it is not a valid checksum
   */
  public static VersionChecksum parse(byte[] content, String table, String file) {
    return ChecksumFileReader.read(content, table, file);
  }

  /** The content of a checksum file: one JSON object, in UTF-8, keys in Delta's order. */
  public static byte[] toJson(VersionChecksum checksum) {
    return ChecksumFileWriter.write(checksum);
  }

  /**
   * Writes {@code _delta_log/<version>.crc} after the commit of {@code version} succeeded, computed
   * as the class comment says, and never over an existing file. Never fails the commit: any
   * failure is logged at WARN and returns empty.
   *
   * @param root the table root, ending in {@code /}
   * @param actions the actions of the commit, as committed
   * @param base the snapshot the commit was built on, for a full computation when there is no
   *     checksum of {@code version - 1}; used only when it is at {@code version - 1}
   * @return the checksum written, or empty when none was
   */
  public static Optional<VersionChecksum> afterCommit(StorageBackend storage, URI root, String table,
      long version, List<? extends Action> actions, Optional<Snapshot> base) {
    try {
      Optional<VersionChecksum> checksum = compute(storage, root, table, version, actions, base);
      if (checksum.isEmpty()) {
        LOG.debug("{}: not writing {}: it cannot be computed exactly from what is at hand",
            table, fileName(version));
        return checksum;
      }
      storage.putIfAbsent(location(root, version), toJson(checksum.get()));
      return checksum;
    } catch (FileAlreadyExistsException e) {
      LOG.debug("{}: {} already exists; another writer wrote it", table, fileName(version));
    } catch (IOException e) {
      LOG.warn("{}: could not write {} after committing version {}; the commit stands: {}",
          table, fileName(version), version, e.toString());
    } catch (RuntimeException e) { // a bug or a corrupt log: worth its stack trace
      LOG.warn("{}: could not write {} after committing version {}; the commit stands",
          table, fileName(version), version, e);
    }
    return Optional.empty();
  }

  private static Optional<VersionChecksum> compute(StorageBackend storage, URI root, String table,
      long version, List<? extends Action> actions, Optional<Snapshot> base) {
    if (version == 0) {
      return firstCommit(actions);
    }
    Optional<VersionChecksum> previous;
    try {
      previous = read(storage, root, table, version - 1);
    } catch (DeltaException e) {
      LOG.info("{}: ignoring {}: {}", table, fileName(version - 1), e.getMessage());
      previous = Optional.empty();
    }
    if (previous.isEmpty() && base.isPresent() && base.get().version() == version - 1) {
      previous = full(base.get(), FULL_COMPUTATION_MAX_FILES);
    }
    return previous.flatMap(p -> incremental(p, version, actions));
  }

  /** The checksum of {@code snapshot}; empty when it has more than {@code maxFiles} files. */
  private static Optional<VersionChecksum> full(Snapshot snapshot, long maxFiles) {
    ChecksumState state = ChecksumState.empty();
    long files = 0;
    try (CloseableIterator<AddFile> adds = snapshot.addFiles()) {
      while (adds.hasNext()) {
        if (++files > maxFiles) {
          return Optional.empty();
        }
        AddFile add = adds.next();
        state.add(add.size(), add.deletionVector());
      }
    }
    state.metadata(snapshot.metadata());
    state.protocol(snapshot.protocol());
    snapshot.appTransactions().values().forEach(state::transaction);
    snapshot.domainMetadata().values().forEach(state::domain);
    OptionalLong ict = InCommitTimestamps.appliesTo(snapshot.metadata(), snapshot.version())
        ? OptionalLong.of(snapshot.timestamp().toEpochMilli())
        : OptionalLong.empty();
    return state.build(Optional.empty(), ict);
  }

  private static Optional<VersionChecksum> apply(
      ChecksumState state, long version, List<? extends Action> actions, boolean addsMustBeVouched) {
    Optional<CommitInfo> commitInfo = Optional.empty();
    Set<String> removed = new HashSet<>();
    boolean adds = false;
    for (Action action : actions) {
      if (action instanceof RemoveFile r) {
        if (r.size().isEmpty()) {
          return Optional.empty();
        }
        removed.add(key(r));
        state.remove(r.size().getAsLong(), r.deletionVector());
      } else if (action instanceof CommitInfo c && commitInfo.isEmpty()) {
        commitInfo = Optional.of(c);
      }
    }
    for (Action action : actions) {
      if (action instanceof AddFile a) {
        if (removed.contains(key(a))) {
          return Optional.empty();
        }
        adds = true;
        state.add(a.size(), a.deletionVector());
      } else if (action instanceof Metadata m) {
        state.metadata(m);
      } else if (action instanceof Protocol p) {
        state.protocol(p);
      } else if (action instanceof SetTransaction t) {
        state.transaction(t);
      } else if (action instanceof DomainMetadata d) {
        state.domain(d);
      }
    }
    boolean vouched = commitInfo.flatMap(CommitInfo::operation).filter(NEW_FILE_OPERATIONS::contains).isPresent();
    if (adds && addsMustBeVouched && !vouched) {
      return Optional.empty();
    }
    OptionalLong ict = OptionalLong.empty();
    Metadata metadata = state.metadata();
    if (metadata != null && InCommitTimestamps.appliesTo(metadata, version)) {
      ict = commitInfo.map(CommitInfo::inCommitTimestamp).orElse(OptionalLong.empty());
      if (ict.isEmpty()) {
        return Optional.empty();
      }
    }
    return state.build(commitInfo.flatMap(CommitInfo::txnId), ict);
  }

  private static String key(FileAction action) {
    return action.deletionVector().map(dv -> action.path() + '\u0000' + dv.uniqueId()).orElse(action.path());
  }

  private static URI location(URI root, long version) {
    return root.resolve(fileName(version));
  }

  private static String fileName(long version) {
    return LogFileNames.LOG_DIR + "/" + LogFileNames.checksum(version);
  }
}
