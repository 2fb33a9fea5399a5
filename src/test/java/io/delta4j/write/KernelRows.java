package io.delta4j.write;

import io.delta.kernel.Scan;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.conformance.RowCanon;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads a table's rows with Delta Kernel (the reference implementation, test scope), as a
 * connector does: scan files, the engine's Parquet reader, then {@code Scan.transformPhysicalData}
 * (which adds partition values and applies deletion vectors). Values are converted to the Java
 * classes delta4j's {@link Row} uses, so both libraries' rows compare as {@link RowCanon} texts.
 */
final class KernelRows {
  static final Engine ENGINE = DefaultEngine.create(new Configuration());

  private KernelRows() {}

  /**
   * The latest snapshot's rows, canonical and sorted.
   *
   * @param schema the table's schema as delta4j reads it: it gives each column's Java class
   */
  static List<String> read(Path table, StructType schema) throws IOException {
    io.delta.kernel.Snapshot snapshot = Table.forPath(ENGINE, table.toString()).getLatestSnapshot(ENGINE);
    Scan scan = snapshot.getScanBuilder().build();
    io.delta.kernel.data.Row state = scan.getScanState(ENGINE);
    io.delta.kernel.types.StructType physical = ScanStateRow.getPhysicalDataReadSchema(state);
    RowCanon canon = RowCanon.exact();
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(ENGINE)) {
      while (files.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            io.delta.kernel.data.Row file = fileRows.next();
            CloseableIterator<ColumnarBatch> data = ENGINE.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(InternalScanFileUtils.getAddFileStatus(file)),
                    physical, Optional.empty())
                .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(ENGINE, state, file, data)) {
              while (logical.hasNext()) {
                addRows(logical.next(), schema, canon, rows);
              }
            }
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  private static void addRows(FilteredColumnarBatch batch, StructType schema, RowCanon canon, List<String> out) {
    ColumnarBatch data = batch.getData();
    if (!data.getSchema().fieldNames().equals(schema.fieldNames())) {
      throw new AssertionError("Kernel's columns " + data.getSchema().fieldNames() + ", delta4j's " + schema.fieldNames());
    }
    Optional<ColumnVector> selected = batch.getSelectionVector();
    for (int r = 0; r < data.getSize(); r++) {
      if (selected.isPresent() && (selected.get().isNullAt(r) || !selected.get().getBoolean(r))) {
        continue;
      }
      Object[] values = new Object[schema.length()];
      for (int c = 0; c < values.length; c++) {
        values[c] = value(data.getColumnVector(c), r, schema.fields().get(c).type());
      }
      out.add(canon.row(Row.of(schema, values)));
    }
  }

  /** Element {@code i} of a Kernel vector, as the Java class delta4j uses for {@code type}. */
  static Object value(ColumnVector v, int i, DataType type) {
    if (v.isNullAt(i)) {
      return null;
    }
    if (type instanceof DecimalType) {
      return v.getDecimal(i);
    }
    if (type instanceof StructType struct) {
      Object[] fields = new Object[struct.length()];
      for (int f = 0; f < fields.length; f++) {
        fields[f] = value(v.getChild(f), i, struct.fields().get(f).type());
      }
      return Row.of(struct, fields);
    }
    if (type instanceof ArrayType array) {
      ColumnVector elements = v.getArray(i).getElements();
      List<Object> out = new ArrayList<>();
      for (int e = 0; e < v.getArray(i).getSize(); e++) {
        out.add(value(elements, e, array.elementType()));
      }
      return out;
    }
    if (type instanceof MapType map) {
      ColumnVector keys = v.getMap(i).getKeys();
      ColumnVector values = v.getMap(i).getValues();
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int e = 0; e < v.getMap(i).getSize(); e++) {
        out.put(value(keys, e, map.keyType()), value(values, e, map.valueType()));
      }
      return out;
    }
    return switch ((PrimitiveType) type) {
      case BOOLEAN -> v.getBoolean(i);
      case BYTE -> v.getByte(i);
      case SHORT -> v.getShort(i);
      case INTEGER -> v.getInt(i);
      case LONG -> v.getLong(i);
      case FLOAT -> v.getFloat(i);
      case DOUBLE -> v.getDouble(i);
      case STRING -> v.getString(i);
      case BINARY -> v.getBinary(i);
      case DATE -> LocalDate.ofEpochDay(v.getInt(i));
      // Kernel gives both timestamps as microseconds since the epoch (UTC for timestamp_ntz).
      case TIMESTAMP -> Instant.EPOCH.plus(v.getLong(i), ChronoUnit.MICROS);
      case TIMESTAMP_NTZ -> LocalDateTime.ofInstant(Instant.EPOCH.plus(v.getLong(i), ChronoUnit.MICROS), ZoneOffset.UTC);
      case VARIANT, VOID -> throw new AssertionError("not written by these tests: " + type);
    };
  }
}
