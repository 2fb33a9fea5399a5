package io.delta4j.testdata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Writes Parquet files (data files, checkpoints, sidecars) from rows given as nested maps: a
 * group column takes a {@link Map} of its fields, a MAP column a {@link Map} of entries (standard
 * 3-level {@code key_value} layout), a LIST column a {@link List} (3-level {@code list/element}
 * layout). Null or absent values are left null; values whose names the schema lacks are dropped,
 * which is how checkpoint {@code remove} rows lose {@code stats} and {@code tags}.
 */
final class ParquetFiles {
  private static final String STRING_MAP =
      " (MAP) { repeated group key_value { required binary key (STRING);"
          + " optional binary value (STRING); } }";
  private static final String STRING_LIST =
      " (LIST) { repeated group list { optional binary element (STRING); } }";
  private static final String DV =
      "optional group deletionVector { optional binary storageType (STRING);"
          + " optional binary pathOrInlineDv (STRING); optional int32 offset;"
          + " optional int32 sizeInBytes; optional int64 cardinality; }";

  static final String TXN =
      "optional group txn { optional binary appId (STRING); optional int64 version;"
          + " optional int64 lastUpdated; }";
  static final String METADATA =
      "optional group metaData { optional binary id (STRING); optional binary name (STRING);"
          + " optional binary description (STRING); optional group format {"
          + " optional binary provider (STRING); optional group options" + STRING_MAP + " }"
          + " optional binary schemaString (STRING); optional group partitionColumns" + STRING_LIST
          + " optional int64 createdTime; optional group configuration" + STRING_MAP + " }";
  static final String PROTOCOL =
      "optional group protocol { optional int32 minReaderVersion; optional int32 minWriterVersion;"
          + " optional group readerFeatures" + STRING_LIST + " optional group writerFeatures"
          + STRING_LIST + " }";
  static final String DOMAIN_METADATA =
      "optional group domainMetadata { optional binary domain (STRING);"
          + " optional binary configuration (STRING); optional boolean removed; }";
  static final String CHECKPOINT_METADATA =
      "optional group checkpointMetadata { optional int64 version; optional group tags"
          + STRING_MAP + " }";
  static final String SIDECAR =
      "optional group sidecar { optional binary path (STRING); optional int64 sizeInBytes;"
          + " optional int64 modificationTime; optional group tags" + STRING_MAP + " }";

  /** The top-level file of a V2 checkpoint whose file actions all live in sidecars. */
  static final MessageType CHECKPOINT_V2_WITH_SIDECARS =
      message(CHECKPOINT_METADATA, TXN, METADATA, PROTOCOL, DOMAIN_METADATA, SIDECAR);

  private ParquetFiles() {}

  /**
   * The {@code add} column. The {@code deletionVector} field is there only for tables that support
   * deletion vectors, as a missing column must read as null (PROTOCOL.md "Checkpoints").
   */
  static String add(boolean deletionVectors) {
    return "optional group add { optional binary path (STRING); optional group partitionValues"
        + STRING_MAP + " optional int64 size; optional int64 modificationTime;"
        + " optional boolean dataChange; optional binary stats (STRING); optional group tags"
        + STRING_MAP + (deletionVectors ? " " + DV : "") + " optional int64 baseRowId;"
        + " optional int64 defaultRowCommitVersion; }";
  }

  /** The {@code remove} column: a tombstone, without {@code stats} and {@code tags}. */
  static String remove(boolean deletionVectors) {
    return "optional group remove { optional binary path (STRING); optional int64 deletionTimestamp;"
        + " optional boolean dataChange; optional boolean extendedFileMetadata;"
        + " optional group partitionValues" + STRING_MAP + " optional int64 size;"
        + (deletionVectors ? " " + DV : "")
        + " optional int64 baseRowId; optional int64 defaultRowCommitVersion; }";
  }

  /** A V1 checkpoint (classic or one part of a multi-part one), in Spark's column order. */
  static MessageType checkpointV1(boolean deletionVectors) {
    return message(TXN, add(deletionVectors), remove(deletionVectors), METADATA, PROTOCOL, DOMAIN_METADATA);
  }

  /** A sidecar of a V2 checkpoint: file actions only. */
  static MessageType sidecar(boolean deletionVectors) {
    return message(add(deletionVectors), remove(deletionVectors));
  }

  static MessageType message(String... columns) {
    return MessageTypeParser.parseMessageType(
        "message spark_schema { " + String.join(" ", columns) + " }");
  }

  /** A data file: snappy, with the statistics and dictionaries parquet-java writes by default. */
  static void writeData(Path file, MessageType schema, List<Map<String, Object>> rows) throws IOException {
    write(file, schema, rows, true);
  }

  /**
   * A checkpoint or sidecar. These have dozens of mostly-null columns, so page statistics,
   * dictionaries and indexes would make up most of their bytes; readers need none of them.
   */
  static void writeLog(Path file, MessageType schema, List<Map<String, Object>> rows) throws IOException {
    write(file, schema, rows, false);
  }

  private static void write(Path file, MessageType schema, List<Map<String, Object>> rows, boolean data)
      throws IOException {
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withStatisticsEnabled(data)
            .withSizeStatisticsEnabled(data)
            .withDictionaryEncoding(data)
            .withPageWriteChecksumEnabled(data)
            .build()) {
      for (Map<String, Object> row : rows) {
        Group group = new SimpleGroup(schema);
        fill(group, schema, row);
        writer.write(group);
      }
    }
    sortFooterEncodings(file);
  }

  /**
   * Rewrites the footer with each column chunk's encodings in ascending order. parquet-java lists
   * them in {@code HashSet} order, which follows identity hash codes and so changes between JVM
   * launches; sorted, the files are the same bytes on every run. Only the order changes, so the
   * footer keeps its length and every offset stays valid.
   */
  private static void sortFooterEncodings(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerStart = bytes.length - 8 - footerLength;
    FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, footerStart, footerLength));
    for (RowGroup rowGroup : footer.getRow_groups()) {
      for (ColumnChunk column : rowGroup.getColumns()) {
        column.getMeta_data().getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
      }
    }
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, rewritten);
    if (rewritten.size() != footerLength) {
      throw new IllegalStateException("the rewritten footer of " + file + " changed its length");
    }
    System.arraycopy(rewritten.toByteArray(), 0, bytes, footerStart, footerLength);
    Files.write(file, bytes);
  }

  private static void fill(Group group, GroupType type, Map<?, ?> values) {
    for (Type field : type.getFields()) {
      Object value = values.get(field.getName());
      if (value == null) {
        continue;
      }
      if (field.isPrimitive()) {
        append(group, field.asPrimitiveType(), value);
        continue;
      }
      GroupType fieldType = field.asGroupType();
      Group child = group.addGroup(field.getName());
      LogicalTypeAnnotation annotation = fieldType.getLogicalTypeAnnotation();
      if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          Group entry = child.addGroup(0);
          entry.append("key", (String) e.getKey());
          if (e.getValue() != null) {
            entry.append("value", (String) e.getValue());
          }
        }
      } else if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        for (Object element : (List<?>) value) {
          Group entry = child.addGroup(0);
          if (element != null) {
            entry.append("element", (String) element);
          }
        }
      } else {
        fill(child, fieldType, (Map<?, ?>) value);
      }
    }
  }

  private static void append(Group group, PrimitiveType field, Object value) {
    String name = field.getName();
    switch (field.getPrimitiveTypeName()) {
      case INT64 -> group.append(name, ((Number) value).longValue());
      case INT32 -> {
        if (value instanceof LocalDate date) {
          group.append(name, (int) date.toEpochDay());
        } else {
          group.append(name, ((Number) value).intValue());
        }
      }
      case BOOLEAN -> group.append(name, (Boolean) value);
      case DOUBLE -> group.append(name, ((Number) value).doubleValue());
      case BINARY -> group.append(name, (String) value);
      default -> throw new IllegalArgumentException("unsupported column type: " + field);
    }
  }
}
