package io.delta4j.log;

import io.delta4j.CloseableIterator;
import io.delta4j.data.AddFields;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.FileAction;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.Sidecar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Streams a snapshot's live files (or tombstones): first the newest action per key of the commits
 * after the checkpoint, then the checkpoint's own actions (its files, parts or sidecars) whose key
 * the commits did not touch. Checkpoint files are read one at a time, row by row, so memory stays
 * proportional to the commits after the checkpoint, and only while listing.
 */
final class LiveFiles<T extends FileAction> implements CloseableIterator<T> {
  private final Class<T> kind;
  private final TailKeys tailKeys;
  private final Iterator<FileAction> tailActions;
  private final Iterator<Supplier<CloseableIterator<Action>>> sources;
  private CloseableIterator<Action> batch = CloseableIterator.of(Collections.emptyIterator());
  private T next;

  private LiveFiles(
      Class<T> kind, ActionType type, AddFields addFields, SnapshotState state, Map<String, FileAction> tail,
      FileKeys keys, CheckpointSource checkpoints) {
    this.kind = kind;
    this.tailKeys = new TailKeys(tail, keys);
    this.tailActions = tail.values().iterator();
    List<Supplier<CloseableIterator<Action>>> all = new ArrayList<>();
    EnumSet<ActionType> wanted = EnumSet.of(type);
    state.segment().checkpoint().ifPresent(c -> {
      for (LogFile f : c.files()) {
        all.add(() -> checkpoints.open(f, wanted, addFields));
      }
    });
    for (Sidecar s : state.sidecars()) {
      all.add(() -> checkpoints.open(s, wanted, addFields));
    }
    this.sources = all.iterator();
  }

  /**
   * The live adds; with {@link AddFields#IDENTITY} the checkpoint's adds carry only what
   * identifies them (the commits' adds are complete either way).
   *
   * @param tail the newest file action per key of {@code state}'s commits after the checkpoint, in
   *     the order of each key's newest action
   */
  static LiveFiles<AddFile> adds(
      SnapshotState state, Map<String, FileAction> tail, FileKeys keys, CheckpointSource checkpoints, AddFields fields) {
    return new LiveFiles<>(AddFile.class, ActionType.ADD, fields, state, tail, keys, checkpoints);
  }

  static LiveFiles<RemoveFile> tombstones(
      SnapshotState state, Map<String, FileAction> tail, FileKeys keys, CheckpointSource checkpoints) {
    return new LiveFiles<>(RemoveFile.class, ActionType.REMOVE, AddFields.ALL, state, tail, keys, checkpoints);
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (tailActions.hasNext()) {
        FileAction f = tailActions.next();
        if (kind.isInstance(f)) {
          next = kind.cast(f);
        }
      } else if (batch.hasNext()) {
        Action a = batch.next();
        if (kind.isInstance(a) && !tailKeys.contains((FileAction) a)) {
          next = kind.cast(a);
        }
      } else if (sources.hasNext()) {
        batch.close();
        batch = sources.next().get();
      } else {
        return false;
      }
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T out = next;
    next = null;
    return out;
  }

  @Override
  public void close() {
    batch.close();
  }
}
