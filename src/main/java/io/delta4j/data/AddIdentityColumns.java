package io.delta4j.data;

import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * The identity fields of a checkpoint's {@code add} column ({@link AddFields#IDENTITY}: path, size,
 * modification time, deletion vector), decoded column by column instead of through Parquet's record
 * assembly. Listing the files of a large checkpoint is mostly this read, and a loop over each
 * column's definition levels and values costs about half of assembling the same records. None of
 * these fields repeats, so every column holds exactly one entry per row.
 *
 * <p>Only files whose add column has the protocol's types are read this way ({@link #of} is empty
 * otherwise): anything unusual goes through the converters, which report it precisely.
 */
final class AddIdentityColumns {
  private static final int PATH = 0;
  private static final int SIZE = 1;
  private static final int MODIFICATION_TIME = 2;
  private static final int STORAGE_TYPE = 3;
  private static final int PATH_OR_INLINE_DV = 4;
  private static final int SIZE_IN_BYTES = 5;
  private static final int CARDINALITY = 6;
  private static final int OFFSET = 7; // optional in the protocol, so last: the file may lack it

  private final MessageType requested;
  private final ColumnDescriptor[] columns;
  private final int[] present;
  private final int addLevel;
  private final int vectorLevel;
  private ColumnReader[] readers = new ColumnReader[0];

  private AddIdentityColumns(MessageType requested, GroupType add) {
    this.requested = requested;
    List<String[]> paths = new ArrayList<>(List.of(
        new String[] {"add", "path"}, new String[] {"add", "size"}, new String[] {"add", "modificationTime"}));
    if (add.containsField("deletionVector")) {
      GroupType dv = add.getType("deletionVector").asGroupType();
      for (String field : List.of("storageType", "pathOrInlineDv", "sizeInBytes", "cardinality", "offset")) {
        if (dv.containsField(field)) {
          paths.add(new String[] {"add", "deletionVector", field});
        }
      }
    }
    this.columns = new ColumnDescriptor[paths.size()];
    this.present = new int[paths.size()];
    for (int k = 0; k < columns.length; k++) {
      columns[k] = requested.getColumnDescription(paths.get(k));
      present[k] = columns[k].getMaxDefinitionLevel();
    }
    this.addLevel = requested.getMaxDefinitionLevel("add");
    this.vectorLevel = columns.length > STORAGE_TYPE ? requested.getMaxDefinitionLevel("add", "deletionVector") : 0;
  }

  /**
   * The column reader for {@code fileSchema}, when it applies: only adds wanted, only their
   * identity, and an add column of the protocol's shape.
   */
  static Optional<AddIdentityColumns> of(MessageType fileSchema, Set<ActionType> wanted, AddFields fields) {
    if (fields != AddFields.IDENTITY || !wanted.equals(Set.of(ActionType.ADD)) || !fileSchema.containsField("add")) {
      return Optional.empty();
    }
    Type addType = fileSchema.getType("add");
    if (!SchemaChecks.isStruct(addType)) {
      return Optional.empty();
    }
    GroupType add = addType.asGroupType();
    if (!has(add, "path", null) || !has(add, "size", PrimitiveTypeName.INT64)
        || !has(add, "modificationTime", PrimitiveTypeName.INT64)) {
      return Optional.empty();
    }
    List<Type> kept = new ArrayList<>(List.of(add.getType("path"), add.getType("size"), add.getType("modificationTime")));
    if (add.containsField("deletionVector")) {
      Type dvType = add.getType("deletionVector");
      if (!SchemaChecks.isStruct(dvType)) {
        return Optional.empty();
      }
      GroupType dv = dvType.asGroupType();
      if (!has(dv, "storageType", null) || !has(dv, "pathOrInlineDv", null)
          || !has(dv, "sizeInBytes", PrimitiveTypeName.INT32) || !has(dv, "cardinality", PrimitiveTypeName.INT64)
          || (dv.containsField("offset") && !has(dv, "offset", PrimitiveTypeName.INT32))) {
        return Optional.empty();
      }
      List<Type> dvKept = new ArrayList<>(List.of(dv.getType("storageType"), dv.getType("pathOrInlineDv"),
          dv.getType("sizeInBytes"), dv.getType("cardinality")));
      if (dv.containsField("offset")) {
        dvKept.add(dv.getType("offset"));
      }
      kept.add(dv.withNewFields(dvKept));
    }
    GroupType projected = add.withNewFields(kept);
    return Optional.of(new AddIdentityColumns(new MessageType(fileSchema.getName(), projected), projected));
  }

  /** Whether {@code struct} has {@code field} as a single primitive: of {@code type}, or a string when null. */
  private static boolean has(GroupType struct, String field, PrimitiveTypeName type) {
    if (!struct.containsField(field)) {
      return false;
    }
    Type t = struct.getType(field);
    return type == null ? SchemaChecks.isString(t) : SchemaChecks.isSingle(t, type);
  }

  /** The file schema limited to the columns read. */
  MessageType requested() {
    return requested;
  }

  /** Starts a row group. */
  void startRowGroup(PageReadStore pages, String createdBy) {
    // The converters are never called (values are taken from the readers), but the store needs them.
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(
        pages, IgnoringConverter.of(requested).asGroupConverter(), requested, createdBy);
    readers = new ColumnReader[columns.length];
    for (int k = 0; k < columns.length; k++) {
      readers[k] = store.getColumnReader(columns[k]);
    }
  }

  /** The add of the next row, or null when the row holds another action. */
  AddFile next() {
    if (readers[PATH].getCurrentDefinitionLevel() < addLevel) {
      skip(0, readers.length);
      return null;
    }
    String path = string(PATH);
    if (path == null) {
      throw missing("add.path");
    }
    long size = int64(SIZE, "add.size");
    long modificationTime = int64(MODIFICATION_TIME, "add.modificationTime");
    return new AddFile(path, Map.of(), size, modificationTime, false, Optional.empty(), Map.of(),
        deletionVector(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
  }

  private Optional<DeletionVectorDescriptor> deletionVector() {
    if (readers.length <= STORAGE_TYPE) {
      return Optional.empty();
    }
    if (readers[STORAGE_TYPE].getCurrentDefinitionLevel() < vectorLevel) {
      skip(STORAGE_TYPE, readers.length);
      return Optional.empty();
    }
    String storageType = string(STORAGE_TYPE);
    String pathOrInlineDv = string(PATH_OR_INLINE_DV);
    if (storageType == null) {
      throw missing("add.deletionVector.storageType");
    }
    if (pathOrInlineDv == null) {
      throw missing("add.deletionVector.pathOrInlineDv");
    }
    int sizeInBytes = (int) int64(SIZE_IN_BYTES, "add.deletionVector.sizeInBytes");
    long cardinality = int64(CARDINALITY, "add.deletionVector.cardinality");
    OptionalInt offset = OptionalInt.empty();
    if (readers.length > OFFSET) {
      ColumnReader r = readers[OFFSET];
      if (r.getCurrentDefinitionLevel() == present[OFFSET]) {
        offset = OptionalInt.of(r.getInteger());
      }
      r.consume();
    }
    return Optional.of(new DeletionVectorDescriptor(storageType, pathOrInlineDv, offset, sizeInBytes, cardinality));
  }

  private String string(int k) {
    ColumnReader r = readers[k];
    String value = r.getCurrentDefinitionLevel() == present[k] ? r.getBinary().toStringUsingUTF8() : null;
    r.consume();
    return value;
  }

  /** A required integer (INT64, or INT32 widened). */
  private long int64(int k, String field) {
    ColumnReader r = readers[k];
    if (r.getCurrentDefinitionLevel() != present[k]) {
      throw missing(field);
    }
    long value = columns[k].getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32
        ? r.getInteger() : r.getLong();
    r.consume();
    return value;
  }

  private void skip(int from, int to) {
    for (int k = from; k < to; k++) {
      readers[k].consume();
    }
  }

  private static MalformedActionException missing(String field) {
    return new MalformedActionException(field + " is null, but the protocol requires it");
  }
}
