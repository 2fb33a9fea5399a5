package io.delta4j.data;

import io.delta4j.Row;
import io.delta4j.log.action.AddFile;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.PartitionValues;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;

/**
 * The typed columns a checkpoint's {@code add} carries when the table sets
 * {@code delta.checkpoint.writeStatsAsStruct=true} (PROTOCOL.md, "Checkpoint Schema"):
 * {@code partitionValues_parsed}, each partition value typed to its column (partitioned tables
 * only), and {@code stats_parsed}, the statistics as a struct ({@link StatsSchema}). Both are
 * derived from the add's string forms, which stay the truth: a value that does not parse is null,
 * an add without statistics has a null {@code stats_parsed}. Field names are physical names under
 * column mapping, as the keys of {@code partitionValues} and of the statistics are. Stateless, so
 * one instance serves every file of a checkpoint.
 */
public final class ParsedAddColumns {
  static final String PARTITION_VALUES = "partitionValues_parsed";
  static final String STATS = "stats_parsed";

  private final StructType statsType;
  private final DataWriteSupport stats;
  private final ParsedStats parser;
  private final Optional<StructType> partitionType;
  private final DataWriteSupport partitions; // null when the table is not partitioned

  private ParsedAddColumns(StructType statsType, Optional<StructType> partitionType) {
    this.statsType = statsType;
    this.stats = nested(statsType);
    this.parser = new ParsedStats(statsType);
    this.partitionType = partitionType;
    this.partitions = partitionType.map(ParsedAddColumns::nested).orElse(null);
  }

  /**
   * The columns for a table.
   *
   * @param schema the table schema (logical names)
   * @param partitionColumns the metadata's partition columns
   * @param mode the column mapping mode: with NAME or ID, fields take the physical names
   * @param numIndexedCols {@code delta.dataSkippingNumIndexedCols}: the first N leaves have
   *     statistics, -1 for all
   * @param statsColumns {@code delta.dataSkippingStatsColumns} as logical paths; when not empty it
   *     decides instead of {@code numIndexedCols}
   * @param tightBounds whether {@code stats_parsed} has {@code tightBounds}: Delta adds it when
   *     the table supports deletion vectors
   */
  public static ParsedAddColumns of(StructType schema, List<String> partitionColumns, ColumnMappingMode mode,
      int numIndexedCols, List<List<String>> statsColumns, boolean tightBounds) {
    Set<String> partitioned = partitionColumns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<StructField> data = new ArrayList<>();
    List<StructField> partitions = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!partitioned.contains(f.name().toLowerCase(Locale.ROOT))) {
        data.add(f);
      } else if (f.type() != PrimitiveType.VOID) { // a void column has no value to parse
        partitions.add(new StructField(mode == ColumnMappingMode.NONE ? f.name() : f.physicalName(), f.type(), true));
      }
    }
    StructType stats = StatsSchema.of(new StructType(data), mode, new IndexedLeaves(numIndexedCols, statsColumns),
        tightBounds);
    return new ParsedAddColumns(stats, partitions.isEmpty() ? Optional.empty() : Optional.of(new StructType(partitions)));
  }

  /** The type of {@code stats_parsed}. */
  public StructType statsParsedType() {
    return statsType;
  }

  /** The type of {@code partitionValues_parsed}; empty for a table without partition columns. */
  public Optional<StructType> partitionValuesParsedType() {
    return partitionType;
  }

  /** The Parquet fields that follow the other fields of {@code add}, in Delta's order. */
  List<Type> parquetFields() {
    List<Type> out = new ArrayList<>();
    if (partitions != null) {
      out.add(new GroupType(Repetition.OPTIONAL, PARTITION_VALUES, partitions.schema().getFields()));
    }
    out.add(new GroupType(Repetition.OPTIONAL, STATS, stats.schema().getFields()));
    return out;
  }

  /** Writes both columns of {@code a} into the {@code add} group that {@code out} has open. */
  void write(RecordConsumer out, GroupType add, AddFile a) {
    if (partitions != null) {
      StructType t = partitionType.get();
      Object[] values = new Object[t.length()];
      for (int i = 0; i < values.length; i++) {
        StructField f = t.fields().get(i);
        values[i] = partitionValue(a.partitionValues().get(f.name()), f);
      }
      group(out, add, PARTITION_VALUES, partitions, Row.of(t, values));
    }
    Row parsed = a.stats().map(parser::parse).orElse(null);
    if (parsed != null) {
      group(out, add, STATS, stats, parsed);
    }
  }

  /** The typed value, or null for a null partition value or one that does not parse. */
  private static Object partitionValue(String raw, StructField field) {
    try {
      return PartitionValues.parse(raw, field.type());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void group(RecordConsumer out, GroupType add, String name, DataWriteSupport writer, Row row) {
    int index = add.getFieldIndex(name);
    out.startField(name, index);
    out.startGroup();
    writer.writeFields(out, row);
    out.endGroup();
    out.endField(name, index);
  }

  /** A writer of the struct's fields, with its Parquet types; it collects no statistics. */
  private static DataWriteSupport nested(StructType type) {
    return new DataWriteSupport(type, ColumnMappingMode.NONE, 0 /* indexed columns */, List.of());
  }
}
