package io.delta4j.log;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaErrors;
import io.delta4j.data.AddFields;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.FileAction;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import io.delta4j.storage.StorageBackend;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a log segment into a {@link SnapshotState} (PROTOCOL.md, "Action Reconciliation"):
 * the checkpoint's non-file actions, then every commit after it in order, each newer action
 * replacing the older one with the same key. File actions are not kept: each listing replays them
 * again, the commits' first, then the checkpoint's (see {@link LiveFiles}), as Delta Kernel does.
 * Holding them would make an opened snapshot's memory grow with the commits after the checkpoint
 * (with every file of a table that has no checkpoint), to save re-reading a few small commits.
 */
public final class LogReplay {
  /** Non-file actions of a checkpoint, and the sidecars that hold its file actions. */
  private static final Set<ActionType> CHECKPOINT_STATE = EnumSet.of(
      ActionType.PROTOCOL, ActionType.METADATA, ActionType.TXN, ActionType.DOMAIN_METADATA, ActionType.SIDECAR);
  /**
   * What replay reads of a commit. File actions are parsed but dropped: a malformed one then fails
   * the open or refresh, naming its file and line, rather than a later listing.
   */
  private static final Set<ActionType> COMMIT_STATE = EnumSet.of(
      ActionType.PROTOCOL, ActionType.METADATA, ActionType.TXN, ActionType.DOMAIN_METADATA,
      ActionType.ADD, ActionType.REMOVE);
  private static final Set<ActionType> FILE_ACTIONS = EnumSet.of(ActionType.ADD, ActionType.REMOVE);
  private static final Set<ActionType> LAST_COMMIT_STATE = with(COMMIT_STATE, ActionType.COMMIT_INFO);

  private final String table;
  private final FileKeys keys;
  private final CommitReader commits;
  private final CheckpointSource checkpoints;

  public LogReplay(String table, StorageBackend storage, URI root, URI logDir) {
    this.table = table;
    this.keys = new FileKeys(root);
    this.commits = new CommitReader(table, storage);
    this.checkpoints = new CheckpointSource(table, storage, logDir);
  }

  /** The live files of {@code state}, streamed. */
  public CloseableIterator<AddFile> addFiles(SnapshotState state) {
    return LiveFiles.adds(state, tail(state), keys, checkpoints, AddFields.ALL);
  }

  /** The live files' paths as written in the log, streamed; decodes only what listing needs. */
  public CloseableIterator<String> filePaths(SnapshotState state) {
    LiveFiles<AddFile> adds = LiveFiles.adds(state, tail(state), keys, checkpoints, AddFields.IDENTITY);
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return adds.hasNext();
      }

      @Override
      public String next() {
        return adds.next().path();
      }

      @Override
      public void close() {
        adds.close();
      }
    };
  }

  /** The remove tombstones of {@code state}, streamed. */
  public CloseableIterator<RemoveFile> tombstones(SnapshotState state) {
    return LiveFiles.tombstones(state, tail(state), keys, checkpoints);
  }

  /**
   * The newest file action per key among the commits after {@code state}'s checkpoint, in the
   * order of each key's newest action. Read anew for every listing, so that the state holds none.
   */
  private Map<String, FileAction> tail(SnapshotState state) {
    Map<String, FileAction> tail = new LinkedHashMap<>();
    for (ParsedCommit commit : commits.readAll(state.segment().commits(), FILE_ACTIONS)) {
      for (Action action : commit.actions()) {
        FileAction f = (FileAction) action;
        String key = keys.of(f);
        tail.remove(key); // keep the map in order of each key's newest action
        tail.put(key, f);
      }
    }
    return tail;
  }

  /** Reconstructs the state of a segment's version. */
  public SnapshotState load(LogSegment segment) {
    Builder state = new Builder();
    for (LogFile f : segment.checkpoint().map(Checkpoint::files).orElse(List.of())) {
      try (CloseableIterator<Action> actions = checkpoints.open(f, CHECKPOINT_STATE)) {
        actions.forEachRemaining(state::applyCheckpoint);
      }
    }
    applyCommits(state, segment.commits());
    return state.build(segment);
  }

  /**
   * The state after {@code previous} plus the newer commits of {@code segment}, which must extend
   * {@code previous}'s segment without a newer checkpoint. Reads only the new commits.
   */
  public SnapshotState update(SnapshotState previous, LogSegment segment) {
    Builder state = new Builder(previous);
    List<LogFile> newer = new ArrayList<>();
    for (LogFile c : segment.commits()) {
      if (c.version() > previous.version()) {
        newer.add(c);
      }
    }
    applyCommits(state, newer);
    return state.build(segment);
  }

  private void applyCommits(Builder state, List<LogFile> files) {
    if (files.isEmpty()) {
      return;
    }
    // Only the last commit's commitInfo matters to the snapshot (its timestamp).
    List<ParsedCommit> parsed = new ArrayList<>(commits.readAll(files.subList(0, files.size() - 1), COMMIT_STATE));
    parsed.add(commits.read(files.get(files.size() - 1), LAST_COMMIT_STATE));
    for (ParsedCommit commit : parsed) {
      for (Action action : commit.actions()) {
        state.applyCommit(action);
      }
    }
    state.lastCommitInfo = parsed.get(parsed.size() - 1).commitInfo();
  }

  private long timestamp(LogSegment segment, Metadata metadata, Optional<CommitInfo> lastCommitInfo) {
    if (InCommitTimestamps.appliesTo(metadata, segment.version())) {
      Optional<CommitInfo> info = lastCommitInfo;
      if (info.isEmpty() && segment.lastCommit().isPresent()) {
        info = commits.read(segment.lastCommit().get(), EnumSet.of(ActionType.COMMIT_INFO)).commitInfo();
      }
      if (info.isPresent() && info.get().inCommitTimestamp().isPresent()) {
        return info.get().inCommitTimestamp().getAsLong();
      }
      if (segment.lastCommit().isPresent()) {
        throw DeltaErrors.missingInCommitTimestamp(table, segment.version());
      }
    }
    return segment.lastCommit()
        .or(() -> segment.checkpoint().map(c -> c.files().get(0)))
        .map(f -> f.modificationTime())
        .orElseThrow();
  }

  private static Set<ActionType> with(Set<ActionType> base, ActionType extra) {
    EnumSet<ActionType> out = EnumSet.copyOf(base);
    out.add(extra);
    return out;
  }

  /** Mutable accumulation of one replay; newer actions are applied after older ones. */
  private final class Builder {
    private Protocol protocol;
    private Metadata metadata;
    private final Map<String, SetTransaction> transactions;
    private final Map<String, DomainMetadata> domains;
    private final List<Sidecar> sidecars;
    private Optional<CommitInfo> lastCommitInfo = Optional.empty();

    Builder() {
      transactions = new LinkedHashMap<>();
      domains = new LinkedHashMap<>();
      sidecars = new ArrayList<>();
    }

    Builder(SnapshotState previous) {
      protocol = previous.protocol();
      metadata = previous.metadata();
      transactions = new LinkedHashMap<>(previous.transactions());
      domains = new LinkedHashMap<>(previous.domains());
      sidecars = new ArrayList<>(previous.sidecars());
    }

    void applyCheckpoint(Action action) {
      if (action instanceof Sidecar s) {
        sidecars.add(s);
      } else {
        applyCommit(action);
      }
    }

    void applyCommit(Action action) {
      if (action instanceof Protocol p) {
        protocol = p;
      } else if (action instanceof Metadata m) {
        metadata = m;
      } else if (action instanceof SetTransaction t) {
        transactions.put(t.appId(), t);
      } else if (action instanceof DomainMetadata d) {
        if (d.removed()) {
          domains.remove(d.domain());
        } else {
          domains.put(d.domain(), d);
        }
      } // file actions are not kept: LiveFiles reads them again for each listing
    }

    SnapshotState build(LogSegment segment) {
      if (protocol == null) {
        throw DeltaErrors.missingAction(table, "protocol", segment.version());
      }
      TableFeatures.checkReadable(table, protocol);
      if (metadata == null) {
        throw DeltaErrors.missingAction(table, "metaData", segment.version());
      }
      return new SnapshotState(
          segment, protocol, metadata, transactions, domains, sidecars,
          timestamp(segment, metadata, lastCommitInfo));
    }
  }
}
