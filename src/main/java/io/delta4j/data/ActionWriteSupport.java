package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;

/**
 * Writes each action as one row of {@link CheckpointSchema}, straight from the action record to
 * Parquet's record consumer: no intermediate row objects, so a checkpoint of millions of files
 * costs little more than encoding its bytes. Absent optional fields (and empty tags) are left
 * null; required maps ({@code partitionValues}, {@code configuration}, {@code format.options}) are
 * written even when empty. Field positions are looked up once, by name, from the schema. The
 * typed {@code partitionValues_parsed} and {@code stats_parsed}, when asked for, are parsed from
 * each add's strings on the way ({@link ParsedAddColumns}).
 */
final class ActionWriteSupport extends WriteSupport<Action> {
  private final MessageType schema;
  private final Column add;
  private final Column remove;
  private final Column metaData;
  private final Column protocol;
  private final Column txn;
  private final Column domainMetadata;
  private final Column checkpointMetadata;
  private final Column sidecar;
  private final ParsedAddColumns parsed; // null: the file has no typed add columns
  private RecordConsumer out;

  ActionWriteSupport(MessageType schema, Optional<ParsedAddColumns> parsed) {
    this.schema = schema;
    this.parsed = parsed.orElse(null);
    this.add = Column.of(schema, "add");
    this.remove = Column.of(schema, "remove");
    this.metaData = Column.of(schema, "metaData");
    this.protocol = Column.of(schema, "protocol");
    this.txn = Column.of(schema, "txn");
    this.domainMetadata = Column.of(schema, "domainMetadata");
    this.checkpointMetadata = Column.of(schema, "checkpointMetadata");
    this.sidecar = Column.of(schema, "sidecar");
  }

  /** Abstract in Parquet, so it must exist; Parquet calls the other one. */
  @Deprecated
  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, Map.of());
  }

  /** Overridden so that Parquet does not build a Hadoop configuration to call the other one. */
  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public String getName() {
    return "delta4j";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  /** Whether this file has a column for the action's type. */
  boolean accepts(Action action) {
    return column(action) != null;
  }

  @Override
  public void write(Action action) {
    Column column = column(action);
    if (column == null) {
      throw new IllegalArgumentException("This file has no " + action.type().key() + " column");
    }
    out.startMessage();
    out.startField(column.name, column.index);
    out.startGroup();
    switch (action.type()) {
      case ADD -> add((AddFile) action);
      case REMOVE -> remove((RemoveFile) action);
      case METADATA -> metaData((Metadata) action);
      case PROTOCOL -> protocol((Protocol) action);
      case TXN -> txn((SetTransaction) action);
      case DOMAIN_METADATA -> domainMetadata((DomainMetadata) action);
      case CHECKPOINT_METADATA -> checkpointMetadata((CheckpointMetadata) action);
      case SIDECAR -> sidecar((Sidecar) action);
      default -> throw new IllegalArgumentException("Checkpoints hold no " + action.type().key() + " actions");
    }
    out.endGroup();
    out.endField(column.name, column.index);
    out.endMessage();
  }

  private Column column(Action action) {
    return switch (action.type()) {
      case ADD -> add;
      case REMOVE -> remove;
      case METADATA -> metaData;
      case PROTOCOL -> protocol;
      case TXN -> txn;
      case DOMAIN_METADATA -> domainMetadata;
      case CHECKPOINT_METADATA -> checkpointMetadata;
      case SIDECAR -> sidecar;
      case CDC, COMMIT_INFO -> null; // "Checkpoints": never in a checkpoint
    };
  }

  // PROTOCOL.md "Checkpoints": dataChange means nothing in a checkpoint, and Delta's writer
  // stores false; readers take the actions as the state, not as changes.
  private void add(AddFile a) {
    GroupType t = add.type;
    string(t, "path", a.path());
    stringMap(t, "partitionValues", a.partitionValues());
    int64(t, "size", a.size());
    int64(t, "modificationTime", a.modificationTime());
    bool(t, "dataChange", false);
    if (a.stats().isPresent() && t.containsField("stats")) {
      string(t, "stats", a.stats().get());
    }
    tags(t, a.tags());
    deletionVector(t, a.deletionVector());
    int64(t, "baseRowId", a.baseRowId());
    int64(t, "defaultRowCommitVersion", a.defaultRowCommitVersion());
    string(t, "clusteringProvider", a.clusteringProvider());
    if (parsed != null) {
      parsed.write(out, t, a);
    }
  }

  private void remove(RemoveFile r) {
    GroupType t = remove.type;
    string(t, "path", r.path());
    int64(t, "deletionTimestamp", r.deletionTimestamp());
    bool(t, "dataChange", false);
    if (r.extendedFileMetadata().isPresent()) {
      bool(t, "extendedFileMetadata", r.extendedFileMetadata().get());
    }
    if (r.partitionValues().isPresent()) {
      stringMap(t, "partitionValues", r.partitionValues().get());
    }
    int64(t, "size", r.size());
    deletionVector(t, r.deletionVector());
    int64(t, "baseRowId", r.baseRowId());
    int64(t, "defaultRowCommitVersion", r.defaultRowCommitVersion());
  }

  private void metaData(Metadata m) {
    GroupType t = metaData.type;
    string(t, "id", m.id());
    string(t, "name", m.name());
    string(t, "description", m.description());
    int format = t.getFieldIndex("format");
    out.startField("format", format);
    out.startGroup();
    GroupType f = t.getType(format).asGroupType();
    string(f, "provider", m.format().provider());
    stringMap(f, "options", m.format().options());
    out.endGroup();
    out.endField("format", format);
    string(t, "schemaString", m.schemaString());
    stringList(t, "partitionColumns", m.partitionColumns());
    stringMap(t, "configuration", m.configuration());
    int64(t, "createdTime", m.createdTime());
  }

  // "Checkpoint Schema": the feature lists are non-null with reader version 3 / writer version 7
  // and null otherwise.
  private void protocol(Protocol p) {
    GroupType t = protocol.type;
    int32(t, "minReaderVersion", p.minReaderVersion());
    int32(t, "minWriterVersion", p.minWriterVersion());
    if (p.hasReaderFeatures()) {
      stringList(t, "readerFeatures", p.readerFeatures());
    }
    if (p.hasWriterFeatures()) {
      stringList(t, "writerFeatures", p.writerFeatures());
    }
  }

  private void txn(SetTransaction s) {
    GroupType t = txn.type;
    string(t, "appId", s.appId());
    int64(t, "version", s.version());
    int64(t, "lastUpdated", s.lastUpdated());
  }

  private void domainMetadata(DomainMetadata d) {
    GroupType t = domainMetadata.type;
    string(t, "domain", d.domain());
    string(t, "configuration", d.configuration());
    bool(t, "removed", d.removed());
  }

  private void checkpointMetadata(CheckpointMetadata c) {
    GroupType t = checkpointMetadata.type;
    int64(t, "version", c.version());
    tags(t, c.tags());
  }

  private void sidecar(Sidecar s) {
    GroupType t = sidecar.type;
    string(t, "path", s.path());
    int64(t, "sizeInBytes", s.sizeInBytes());
    int64(t, "modificationTime", s.modificationTime());
    tags(t, s.tags());
  }

  // "Deletion Vector Descriptor Schema": offset is absent for inline vectors.
  private void deletionVector(GroupType parent, Optional<DeletionVectorDescriptor> descriptor) {
    if (descriptor.isEmpty()) {
      return;
    }
    DeletionVectorDescriptor dv = descriptor.get();
    int index = parent.getFieldIndex("deletionVector");
    GroupType t = parent.getType(index).asGroupType();
    out.startField("deletionVector", index);
    out.startGroup();
    string(t, "storageType", dv.storageType());
    string(t, "pathOrInlineDv", dv.pathOrInlineDv());
    if (dv.offset().isPresent()) {
      int32(t, "offset", dv.offset().getAsInt());
    }
    int32(t, "sizeInBytes", dv.sizeInBytes());
    int64(t, "cardinality", dv.cardinality());
    out.endGroup();
    out.endField("deletionVector", index);
  }

  // ---- fields

  private void string(GroupType t, String name, Optional<String> value) {
    if (value.isPresent()) {
      string(t, name, value.get());
    }
  }

  private void string(GroupType t, String name, String value) {
    int index = t.getFieldIndex(name);
    out.startField(name, index);
    out.addBinary(Binary.fromString(value));
    out.endField(name, index);
  }

  private void int64(GroupType t, String name, OptionalLong value) {
    if (value.isPresent()) {
      int64(t, name, value.getAsLong());
    }
  }

  private void int64(GroupType t, String name, long value) {
    int index = t.getFieldIndex(name);
    out.startField(name, index);
    out.addLong(value);
    out.endField(name, index);
  }

  private void int32(GroupType t, String name, int value) {
    int index = t.getFieldIndex(name);
    out.startField(name, index);
    out.addInteger(value);
    out.endField(name, index);
  }

  private void bool(GroupType t, String name, boolean value) {
    int index = t.getFieldIndex(name);
    out.startField(name, index);
    out.addBoolean(value);
    out.endField(name, index);
  }

  /** Tags are optional everywhere; no tags are written as null, as Delta's writer does. */
  private void tags(GroupType t, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      stringMap(t, "tags", tags);
    }
  }

  /** A present map, empty or not; null values (null partition values) are left null. */
  private void stringMap(GroupType t, String name, Map<String, String> map) {
    int index = t.getFieldIndex(name);
    out.startField(name, index);
    out.startGroup();
    if (!map.isEmpty()) {
      out.startField("key_value", 0);
      for (Map.Entry<String, String> e : map.entrySet()) {
        out.startGroup();
        out.startField("key", 0);
        out.addBinary(Binary.fromString(e.getKey()));
        out.endField("key", 0);
        if (e.getValue() != null) {
          out.startField("value", 1);
          out.addBinary(Binary.fromString(e.getValue()));
          out.endField("value", 1);
        }
        out.endGroup();
      }
      out.endField("key_value", 0);
    }
    out.endGroup();
    out.endField(name, index);
  }

  /** A present list, empty or not. */
  private void stringList(GroupType t, String name, Collection<String> values) {
    int index = t.getFieldIndex(name);
    out.startField(name, index);
    out.startGroup();
    if (!values.isEmpty()) {
      out.startField("list", 0);
      for (String v : values) {
        out.startGroup();
        out.startField("element", 0);
        out.addBinary(Binary.fromString(v));
        out.endField("element", 0);
        out.endGroup();
      }
      out.endField("list", 0);
    }
    out.endGroup();
    out.endField(name, index);
  }

  /** An action column of the file: its position and struct type. */
  private static final class Column {
    final String name;
    final int index;
    final GroupType type;

    private Column(String name, int index, GroupType type) {
      this.name = name;
      this.index = index;
      this.type = type;
    }

    /** The column, or null when the file has none of that name. */
    static Column of(MessageType schema, String name) {
      if (!schema.containsField(name)) {
        return null;
      }
      int index = schema.getFieldIndex(name);
      return new Column(name, index, schema.getType(index).asGroupType());
    }
  }
}
