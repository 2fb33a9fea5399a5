package io.delta4j.log.checkpoint;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaException;
import io.delta4j.data.AddFields;
import io.delta4j.data.ParquetActionReader;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.Sidecar;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the actions of one checkpoint Parquet file: a classic checkpoint, one part of a
 * multi-part checkpoint, the top-level file of a V2 (UUID-named) checkpoint in Parquet form, or a
 * V2 sidecar (PROTOCOL.md, "Checkpoints", "Sidecar Files", "V2 Spec").
 *
 * <p>Only the columns of the wanted action types are fetched and decoded, so a caller should read
 * a checkpoint in two passes: {@link #STATE_ACTIONS} first (small: protocol, metadata, ...), then
 * {@link #FILE_ACTIONS} (the bulk), streaming. Reading one file never follows its sidecars: a V2
 * checkpoint yields {@link Sidecar} actions, and the caller reads each sidecar (see
 * {@link #sidecarLocation}) for the add and remove actions.
 *
 * <p>Failures are {@link DeltaException}s naming the file: a missing file is a
 * {@code CorruptLogException} caused by {@link java.nio.file.NoSuchFileException} (a caller may fall
 * back to another checkpoint); a storage failure is a {@code StorageException}; a file that is not
 * Parquet, is truncated, or has columns of the wrong type is a {@code CorruptLogException}.
 */
public final class CheckpointReader {
  /** The actions that make up the table state besides its files. */
  public static final Set<ActionType> STATE_ACTIONS = Collections.unmodifiableSet(EnumSet.of(
      ActionType.PROTOCOL,
      ActionType.METADATA,
      ActionType.TXN,
      ActionType.DOMAIN_METADATA,
      ActionType.CHECKPOINT_METADATA,
      ActionType.SIDECAR));

  /** The file actions: the only ones a sidecar holds. */
  public static final Set<ActionType> FILE_ACTIONS =
      Collections.unmodifiableSet(EnumSet.of(ActionType.ADD, ActionType.REMOVE));

  private CheckpointReader() {}

  /**
   * Streams the wanted actions of one checkpoint file to {@code sink}, in file order. Exceptions
   * thrown by {@code sink} propagate unchanged.
   *
   * @param file the absolute location of the file
   * @param knownSize the file's size when known (from the listing or {@code _last_checkpoint})
   * @param table the table, as the user named it, for error messages
   * @param displayName the file as error messages name it, for example
   *     {@code _delta_log/00000000000000000010.checkpoint.parquet}
   * @param wanted the action types to produce ({@code cdc} and {@code commitInfo} never are:
   *     checkpoints do not hold them)
   */
  public static void read(
      StorageBackend storage,
      URI file,
      OptionalLong knownSize,
      String table,
      String displayName,
      Set<ActionType> wanted,
      Consumer<? super Action> sink) {
    Objects.requireNonNull(sink, "sink");
    try (CloseableIterator<Action> actions = open(storage, file, knownSize, table, displayName, wanted)) {
      while (actions.hasNext()) {
        sink.accept(actions.next());
      }
    }
  }

  /**
   * The wanted actions of one checkpoint file, as an iterator that holds the file open until
   * closed. The footer is read here, so a missing or unreadable file fails at once.
   */
  public static CloseableIterator<Action> open(
      StorageBackend storage,
      URI file,
      OptionalLong knownSize,
      String table,
      String displayName,
      Set<ActionType> wanted) {
    return open(storage, file, knownSize, table, displayName, wanted, AddFields.ALL);
  }

  /**
   * {@link #open(StorageBackend, URI, OptionalLong, String, String, Set)}, decoding only
   * {@code addFields} of each add: {@link AddFields#IDENTITY} suffices to list files.
   */
  public static CloseableIterator<Action> open(
      StorageBackend storage,
      URI file,
      OptionalLong knownSize,
      String table,
      String displayName,
      Set<ActionType> wanted,
      AddFields addFields) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(knownSize, "knownSize");
    Objects.requireNonNull(wanted, "wanted");
    try {
      return new ActionIterator(
          ParquetActionReader.open(storage, file, knownSize, wanted, addFields), table, displayName, file);
    } catch (IOException | RuntimeException e) {
      throw CheckpointErrors.translate(e, table, displayName, file);
    }
  }

  /**
   * Where a sidecar file lives. PROTOCOL.md ("Sidecar File Information"): {@code path} is a
   * URI-encoded path, usually just the file name relative to {@code _delta_log/_sidecars/}, but
   * it may be absolute.
   *
   * @param logDirectory the table's {@code _delta_log} directory
   */
  public static URI sidecarLocation(URI logDirectory, Sidecar sidecar) {
    URI path = URI.create(sidecar.path());
    if (path.isAbsolute()) {
      return path;
    }
    String log = logDirectory.toString();
    URI sidecars = URI.create(log.endsWith("/") ? log + "_sidecars/" : log + "/_sidecars/");
    return sidecars.resolve(path);
  }

  /** Pulls actions from the Parquet reader, turning its failures into Delta errors. */
  private static final class ActionIterator implements CloseableIterator<Action> {
    private final ParquetActionReader reader;
    private final String table;
    private final String displayName;
    private final URI file;
    private Action next;
    private boolean closed;

    ActionIterator(ParquetActionReader reader, String table, String displayName, URI file) {
      this.reader = reader;
      this.table = table;
      this.displayName = displayName;
      this.file = file;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !closed) {
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          close();
          throw CheckpointErrors.translate(e, table, displayName, file);
        }
        if (next == null) {
          close();
        }
      }
      return next != null;
    }

    @Override
    public Action next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Action action = next;
      next = null;
      return action;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        try {
          reader.close();
        } catch (IOException e) {
          // Nothing was written; a failure to release the file changes no result.
        }
      }
    }
  }
}
