package io.delta4j.scan;

import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where each column of a scan's rows comes from: the data file (its ordinal in the Parquet read
 * schema) or the file's partition values. Partition columns are never read from data files.
 *
 * @param schema the columns of the rows the scan builds
 * @param dataSchema the columns read from each data file
 */
record RowLayout(StructType schema, StructType dataSchema, int[] dataOrdinals) {
  static RowLayout of(StructType schema, Set<String> partitionColumns) {
    List<StructField> data = new ArrayList<>();
    int[] ordinals = new int[schema.length()];
    for (int i = 0; i < schema.length(); i++) {
      StructField f = schema.fields().get(i);
      if (partitionColumns.contains(f.name())) {
        ordinals[i] = -1;
      } else {
        ordinals[i] = data.size();
        data.add(f);
      }
    }
    return new RowLayout(schema, new StructType(data), ordinals);
  }

  int dataOrdinal(int i) {
    return dataOrdinals[i];
  }

  boolean isPartition(int i) {
    return dataOrdinals[i] < 0;
  }
}
