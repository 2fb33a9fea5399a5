package io.delta4j.write;

import io.delta4j.DeltaErrors;
import io.delta4j.WriteOptions;
import io.delta4j.data.ParquetDataWriter;
import io.delta4j.log.TableProperties;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.DataType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a table's rows become data files: which columns are partition columns (and their keys in
 * {@code partitionValues}), the schema of what the Parquet files hold, and the Parquet options the
 * table's properties ask for.
 *
 * @param schema the table schema, logical names
 * @param partitionColumns partition columns as the metadata names them
 * @param partitionOrdinals their positions in {@code schema}
 * @param partitionKeys their keys in {@code partitionValues}: physical names under column mapping
 * @param dataSchema {@code schema} without the partition columns: what data files store
 * @param dataOrdinals the positions in {@code schema} of {@code dataSchema}'s fields
 * @param mode the column mapping mode
 * @param parquet codec, statistics columns and row group size
 * @param targetFileSize the size at which a data file is closed and the next one started
 */
record WriteLayout(
    StructType schema,
    List<String> partitionColumns,
    int[] partitionOrdinals,
    List<String> partitionKeys,
    StructType dataSchema,
    int[] dataOrdinals,
    ColumnMappingMode mode,
    ParquetDataWriter.Options parquet,
    long targetFileSize) {

  static final long DEFAULT_TARGET_FILE_SIZE = 128L * 1024 * 1024;

  /**
   * The layout for a table.
   *
   * @param table the table, and {@code version} the version whose metadata this is, for messages
   * @throws io.delta4j.CorruptLogException when a property has a value that cannot be used, or a
   *     partition column is not in the schema
   * @throws IllegalArgumentException when {@code settings} names a codec delta4j does not write
   */
  static WriteLayout of(String table, long version, StructType schema, List<String> partitionColumns,
      Map<String, String> properties, WriteOptions settings) {
    TableProperties p = new TableProperties(table, version, properties);
    ColumnMappingMode mode = ColumnMappingMode.fromProperties(properties);
    int[] partitionOrdinals = new int[partitionColumns.size()];
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < partitionColumns.size(); i++) {
      StructField field = schema.fieldIgnoreCase(partitionColumns.get(i)).orElseThrow(
          () -> DeltaErrors.badSchema(table, version, "the partition columns " + partitionColumns
              + " are not all in the schema " + schema.simpleString(), null));
      partitionOrdinals[i] = schema.indexOf(field.name());
      keys.add(mode == ColumnMappingMode.NONE ? field.name() : field.physicalName());
    }
    List<StructField> dataFields = new ArrayList<>();
    int[] dataOrdinals = new int[schema.length() - partitionColumns.size()];
    for (int i = 0, d = 0; i < schema.length(); i++) {
      if (!contains(partitionOrdinals, i)) {
        dataFields.add(schema.fields().get(i));
        dataOrdinals[d++] = i;
      }
    }
    ParquetDataWriter.Options parquet = ParquetDataWriter.Options.DEFAULT
        .withCompression(compression(table, version, settings, properties))
        .withNumIndexedCols(p.integer("delta.dataSkippingNumIndexedCols", 32, -1))
        .withStatsColumns(p.columns("delta.dataSkippingStatsColumns"));
    long target = settings.targetFileSize().orElse(p.longValue("delta.targetFileSize", DEFAULT_TARGET_FILE_SIZE, 1));
    return new WriteLayout(schema, List.copyOf(partitionColumns), partitionOrdinals, List.copyOf(keys),
        new StructType(dataFields), dataOrdinals, mode, parquet.withRowGroupBytes(Math.min(target, parquet.rowGroupBytes())),
        target);
  }

  DataType partitionType(int i) {
    return schema.fields().get(partitionOrdinals[i]).type();
  }

  boolean isPartitioned() {
    return partitionOrdinals.length > 0;
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  // Delta's default codec is snappy; the protocol's list adds others that delta4j does not write.
  private static ParquetDataWriter.Compression compression(String table, long version, WriteOptions settings,
      Map<String, String> properties) {
    String key = "delta.parquet.compression.codec";
    String codec = settings.compression().orElse(properties.getOrDefault(key, "snappy"));
    return switch (codec.trim().toLowerCase(Locale.ROOT)) {
      case "snappy" -> ParquetDataWriter.Compression.SNAPPY;
      case "zstd" -> ParquetDataWriter.Compression.ZSTD;
      default -> throw settings.compression().isPresent()
          ? new IllegalArgumentException(table + ": WriteOptions compression \"" + codec
              + "\" is not supported for writing; use snappy or zstd")
          : DeltaErrors.badProperty(table, version, key, codec, "delta4j writes only snappy or zstd");
    };
  }
}
