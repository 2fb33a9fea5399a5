package io.delta4j;

import io.delta4j.log.LogReplay;
import io.delta4j.log.SnapshotState;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An immutable view of a table at one version. Protocol, metadata, application transactions and
 * domain metadata are loaded; the file list is streamed from the log on demand, so memory stays
 * small for tables with millions of files.
 */
public final class Snapshot {
  private final String table;
  private final URI root;
  private final SnapshotState state;
  private final LogReplay replay;
  private final StorageBackend storage;
  private volatile StructType schema; // parsed on first use; immutable once set

  Snapshot(String table, URI root, SnapshotState state, LogReplay replay, StorageBackend storage) {
    this.table = table;
    this.root = root;
    this.state = state;
    this.replay = replay;
    this.storage = storage;
  }

  /** The table this snapshot belongs to, as named when it was opened. */
  public String table() {
    return table;
  }

  /** The table root, absolute, ending in {@code /}. */
  public URI root() {
    return root;
  }

  public long version() {
    return state.version();
  }

  /** The commit timestamp of this version (in-commit timestamp, else file modification time). */
  public Instant timestamp() {
    return Instant.ofEpochMilli(state.timestamp());
  }

  /**
   * The table schema (logical names), parsed from the metadata once.
   *
   * @throws CorruptLogException when the metadata holds no schema or an unparseable one
   */
  public StructType schema() {
    StructType parsed = schema;
    if (parsed == null) {
      String json = state.metadata().schemaString();
      if (json.isEmpty()) {
        throw DeltaErrors.badSchema(table, version(), "metaData.schemaString is missing", null);
      }
      try {
        parsed = SchemaJson.parse(json);
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.badSchema(table, version(), e.getMessage(), e);
      }
      schema = parsed;
    }
    return parsed;
  }

  public Protocol protocol() {
    return state.protocol();
  }

  public Metadata metadata() {
    return state.metadata();
  }

  /** The partition columns, in the order of the table's metadata. */
  public List<String> partitionColumns() {
    return state.metadata().partitionColumns();
  }

  /** The table properties ({@code metaData.configuration}). */
  public Map<String, String> properties() {
    return state.metadata().configuration();
  }

  /** A scan of this snapshot's data: every column and row until narrowed. */
  public Scan scan() {
    return new Scan(this, null, null);
  }

  StorageBackend storage() {
    return storage;
  }

  /** The live files, streamed; close the iterator (try-with-resources). */
  public CloseableIterator<AddFile> addFiles() {
    return replay.addFiles(state);
  }

  /**
   * The live files' paths exactly as written in the log, streamed. Cheaper than {@link #addFiles()}
   * when only paths are needed: checkpoint statistics and partition values are not decoded.
   */
  public CloseableIterator<String> filePaths() {
    return replay.filePaths(state);
  }

  /** The remove tombstones still in the log (what VACUUM must keep until they expire). */
  public CloseableIterator<RemoveFile> tombstones() {
    return replay.tombstones(state);
  }

  /** The latest version an application recorded with a {@code txn} action, if any. */
  public OptionalLong appTransactionVersion(String appId) {
    SetTransaction txn = state.transactions().get(appId);
    return txn == null ? OptionalLong.empty() : OptionalLong.of(txn.version());
  }

  /** Every application transaction, by application id. */
  public Map<String, SetTransaction> appTransactions() {
    return state.transactions();
  }

  /** The live metadata of {@code domain}; absent when never set or removed. */
  public Optional<DomainMetadata> domainMetadata(String domain) {
    return Optional.ofNullable(state.domains().get(domain));
  }

  /** Every live domain's metadata, by domain. */
  public Map<String, DomainMetadata> domainMetadata() {
    return state.domains();
  }

  SnapshotState state() {
    return state;
  }

  @Override
  public String toString() {
    return table + "@" + version();
  }
}
