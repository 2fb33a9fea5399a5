package io.delta4j.cdf;

import io.delta4j.DeltaErrors;
import io.delta4j.TableChanges;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.log.CommitReader;
import io.delta4j.log.InCommitTimestamps;
import io.delta4j.log.LogFile;
import io.delta4j.log.ParsedCommit;
import io.delta4j.log.TableFeatures;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns the commits of a change data feed range into the files to read (PROTOCOL.md, "Reader
 * Requirements for AddCDCFile"): a commit with {@code cdc} actions contributes exactly its change
 * data files; any other commit contributes its {@code add}s as inserts and its {@code remove}s as
 * deletes, files with {@code dataChange=false} (OPTIMIZE, stats backfill) contributing nothing. An
 * add and a remove of the same path in one commit are a deletion vector update: only the rows whose
 * deletion changed are changes (see {@link ChangeFile}), as Delta and Delta Kernel read them.
 *
 * <p>Each commit is checked as it is read: a protocol change must stay readable, and a commit
 * that rewrites data without change data files must have been written while change data feed was
 * on (see {@link #checkRecorded}). The protocol and metadata in effect are followed from the start
 * version on, so the last ones are the end version's.
 */
public final class ChangePlanner {
  static final String ENABLE_CHANGE_DATA_FEED = "delta.enableChangeDataFeed";
  private static final Set<ActionType> WANTED = EnumSet.of(
      ActionType.ADD, ActionType.REMOVE, ActionType.CDC, ActionType.PROTOCOL, ActionType.METADATA,
      ActionType.COMMIT_INFO);
  /** Commits parsed at once: concurrency for object stores, with a bound on the actions held. */
  private static final int BATCH = 64;

  private final String table;
  private final URI root;
  private final CommitReader reader;
  private final long start;
  private final long end;
  private Protocol protocol;
  private Metadata metadata;

  private ChangePlanner(String table, StorageBackend storage, URI root, long start, long end, Protocol protocol,
      Metadata metadata) {
    this.table = table;
    this.root = root;
    this.reader = new CommitReader(table, storage);
    this.start = start;
    this.end = end;
    this.protocol = protocol;
    this.metadata = metadata;
  }

  /**
   * Plans a range.
   *
   * @param commits the commit files of versions {@code start} to {@code end} ({@link ChangeRange})
   * @param startProtocol the protocol in effect at {@code start} (after its commit)
   * @param startMetadata the metadata in effect at {@code start} (after its commit)
   * @throws UnsupportedTableFeatureException when a version in the range needs reader features
   *     delta4j lacks
   * @throws io.delta4j.ChangeDataNotRecordedException when a version's changes were not recorded
   */
  public static ChangePlan plan(
      String table, StorageBackend storage, URI root, List<LogFile> commits, long start, long end,
      Protocol startProtocol, Metadata startMetadata) {
    return new ChangePlanner(table, storage, root, start, end, startProtocol, startMetadata).plan(commits);
  }

  private ChangePlan plan(List<LogFile> commits) {
    List<ChangeFile> files = new ArrayList<>();
    for (int from = 0; from < commits.size(); from += BATCH) {
      for (ParsedCommit commit : reader.readAll(commits.subList(from, Math.min(from + BATCH, commits.size())), WANTED)) {
        files.addAll(changesOf(commit));
      }
    }
    return new ChangePlan(start, end, protocol, metadata, files);
  }

  private List<ChangeFile> changesOf(ParsedCommit commit) {
    long version = commit.version();
    List<AddCdcFile> cdcs = new ArrayList<>();
    List<AddFile> adds = new ArrayList<>();
    List<RemoveFile> removes = new ArrayList<>();
    // Files removed (or updated) here were written before this commit: they keep the partition
    // layout they were written with, even when this commit changes the partition columns.
    List<String> before = metadata.partitionColumns();
    for (Action action : commit.actions()) {
      if (action instanceof Protocol p && version > start) { // the start snapshot already holds start's own
        try {
          TableFeatures.checkReadable(table, p);
        } catch (UnsupportedTableFeatureException e) {
          throw unreadable(table, start, end, version, e);
        }
        protocol = p;
      } else if (action instanceof Metadata m && version > start) {
        metadata = m;
      } else if (action instanceof AddCdcFile c) {
        cdcs.add(c);
      } else if (action instanceof AddFile a && a.dataChange()) {
        adds.add(a);
      } else if (action instanceof RemoveFile r && r.dataChange()) {
        removes.add(r);
      }
    }
    Instant timestamp = Instant.ofEpochMilli(timestamp(commit));
    List<String> after = metadata.partitionColumns(); // new files' layout
    List<ChangeFile> out = new ArrayList<>();
    if (!cdcs.isEmpty()) {
      for (AddCdcFile c : cdcs) {
        out.add(new ChangeFile(version, timestamp, "cdc", null /* from the file */, c.path(), c.partitionValues(),
            OptionalLong.of(c.size()), Optional.empty(), Optional.empty(), after));
      }
      return out;
    }
    Map<String, AddFile> addsByPath = new HashMap<>();
    for (AddFile a : adds) {
      addsByPath.put(Locations.canonicalKey(root, a.path()), a);
    }
    Map<String, RemoveFile> updated = new HashMap<>(); // removes paired with an add of the same path
    for (RemoveFile r : removes) {
      String key = Locations.canonicalKey(root, r.path());
      if (addsByPath.containsKey(key)) {
        updated.put(key, r);
      }
    }
    checkRecorded(commit, adds.size() - updated.size(), removes.size());
    List<ChangeFile> inserts = new ArrayList<>();
    for (RemoveFile r : removes) {
      AddFile a = addsByPath.get(Locations.canonicalKey(root, r.path()));
      if (a == null) {
        out.add(new ChangeFile(version, timestamp, "remove", TableChanges.DELETE, r.path(),
            r.partitionValues().orElse(Map.of()), r.size(), Optional.empty(), r.deletionVector(), before));
        continue;
      }
      // A deletion vector update: rows deleted now and not before are deletes; rows deleted
      // before and not now (a restore) are inserts. Rows deleted in both are no change.
      if (a.deletionVector().isPresent()) {
        out.add(new ChangeFile(version, timestamp, "add", TableChanges.DELETE, a.path(), a.partitionValues(),
            OptionalLong.of(a.size()), a.deletionVector(), r.deletionVector(), before));
      }
      if (r.deletionVector().isPresent()) {
        inserts.add(new ChangeFile(version, timestamp, "add", TableChanges.INSERT, a.path(), a.partitionValues(),
            OptionalLong.of(a.size()), r.deletionVector(), a.deletionVector(), before));
      }
    }
    for (AddFile a : adds) {
      if (!updated.containsKey(Locations.canonicalKey(root, a.path()))) {
        inserts.add(new ChangeFile(version, timestamp, "add", TableChanges.INSERT, a.path(), a.partitionValues(),
            OptionalLong.of(a.size()), Optional.empty(), a.deletionVector(), after));
      }
    }
    out.addAll(inserts);
    return out;
  }

  /**
   * Refuses a commit whose row-level changes were not recorded. PROTOCOL.md ("Change Data Files")
   * lets writers skip change data files for operations that only add or only remove data: their
   * adds and removes are then exactly the changes, whether or not change data feed was on. A
   * commit that does both (UPDATE, DELETE or MERGE rewriting files, an overwrite) records its
   * changes in {@code cdc} files only when change data feed is on; without them its files would
   * turn every unchanged row of a rewritten file into a delete and an insert. Deletion vector
   * updates count as removes: they say exactly which rows went.
   *
   * <p>Delta itself refuses any range where change data feed was off; this is more permissive
   * only where the answer cannot differ from what a recording writer would have produced.
   */
  private void checkRecorded(ParsedCommit commit, int newFiles, int removedFiles) {
    if (newFiles > 0 && removedFiles > 0 && !recorded(protocol, metadata)) {
      String operation = commit.commitInfo().flatMap(CommitInfo::operation).orElse(null);
      throw DeltaErrors.changeDataNotRecorded(table, start, end, commit.version(), operation);
    }
  }

  /**
   * Whether writers had to record change data (PROTOCOL.md, "Writer Requirements for
   * AddCDCFile"): {@code delta.enableChangeDataFeed=true}, under writer versions 4 to 6, or 7 with
   * the {@code changeDataFeed} feature.
   */
  static boolean recorded(Protocol protocol, Metadata metadata) {
    if (!"true".equalsIgnoreCase(metadata.configuration().getOrDefault(ENABLE_CHANGE_DATA_FEED, "false").trim())) {
      return false;
    }
    int writer = protocol.minWriterVersion();
    return protocol.hasWriterFeatures() ? protocol.writerFeatures().contains("changeDataFeed") : writer >= 4;
  }

  /** The in-commit timestamp where it applies (PROTOCOL.md, "In-Commit Timestamps"), else the file's time. */
  private long timestamp(ParsedCommit commit) {
    if (!InCommitTimestamps.appliesTo(metadata, commit.version())) {
      return commit.file().modificationTime();
    }
    Optional<CommitInfo> info = commit.commitInfo();
    if (info.isEmpty() || info.get().inCommitTimestamp().isEmpty()) {
      throw DeltaErrors.missingInCommitTimestamp(table, commit.version());
    }
    return info.get().inCommitTimestamp().getAsLong();
  }

  /** A version in the range whose protocol delta4j cannot read, named in the message. */
  public static UnsupportedTableFeatureException unreadable(
      String table, long start, long end, long version, UnsupportedTableFeatureException e) {
    String detail = e.getMessage().startsWith(table + ": ") ? e.getMessage().substring(table.length() + 2) : e.getMessage();
    return new UnsupportedTableFeatureException(table, e.unsupportedFeatures(),
        "Cannot read changes from version " + start + " to " + end + ": the protocol of version " + version
            + " is not readable. " + detail);
  }
}
