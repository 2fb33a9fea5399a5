package io.delta4j.write;

import static io.delta4j.write.KernelRows.ENGINE;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Table;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.defaults.internal.data.vector.DefaultGenericVector;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.types.DataTypeJsonSerDe;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StringType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta4j.Row;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a table with Delta Kernel's transaction API, as a connector does: per partition, the
 * logical rows become physical data ({@code transformLogicalData}), the default engine writes the
 * Parquet files, and their {@code add} actions are committed. Columns are primitives whose Java
 * classes Kernel's generic vectors share with delta4j's {@link Row}; partition columns are strings.
 */
final class KernelWriter {
  private static final String ENGINE_INFO = "delta4j-tests";
  /** The types whose values Kernel's generic vectors hold as the Java classes delta4j's rows use. */
  private static final Set<PrimitiveType> SAME_CLASSES = EnumSet.of(PrimitiveType.BOOLEAN, PrimitiveType.BYTE,
      PrimitiveType.SHORT, PrimitiveType.INTEGER, PrimitiveType.LONG, PrimitiveType.FLOAT, PrimitiveType.DOUBLE,
      PrimitiveType.STRING, PrimitiveType.BINARY);

  private KernelWriter() {}

  /** Creates the table (version 0) with {@code rows} in it; returns the version. */
  static long create(Path table, StructType schema, List<String> partitionColumns, List<Row> rows) throws IOException {
    TransactionBuilder builder = Table.forPath(ENGINE, table.toString())
        .createTransactionBuilder(ENGINE, ENGINE_INFO, Operation.CREATE_TABLE)
        .withSchema(ENGINE, DataTypeJsonSerDe.deserializeStructType(SchemaJson.toJson(schema)))
        .withPartitionColumns(ENGINE, partitionColumns);
    return commit(builder.build(ENGINE), schema, partitionColumns, rows);
  }

  /** Appends {@code rows} as the next version; returns it. */
  static long append(Path table, StructType schema, List<String> partitionColumns, List<Row> rows) throws IOException {
    io.delta.kernel.Transaction txn = Table.forPath(ENGINE, table.toString())
        .createTransactionBuilder(ENGINE, ENGINE_INFO, Operation.WRITE)
        .build(ENGINE);
    return commit(txn, schema, partitionColumns, rows);
  }

  private static long commit(io.delta.kernel.Transaction txn, StructType schema, List<String> partitionColumns,
      List<Row> rows) throws IOException {
    io.delta.kernel.data.Row state = txn.getTransactionState(ENGINE);
    io.delta.kernel.types.StructType kernelSchema = txn.getSchema(ENGINE);
    Map<List<String>, List<Row>> partitions = new LinkedHashMap<>();
    for (Row row : rows) {
      List<String> values = new ArrayList<>();
      for (String column : partitionColumns) {
        values.add(row.getString(column));
      }
      partitions.computeIfAbsent(values, k -> new ArrayList<>()).add(row);
    }
    List<io.delta.kernel.data.Row> actions = new ArrayList<>();
    for (Map.Entry<List<String>, List<Row>> partition : partitions.entrySet()) {
      Map<String, Literal> values = new LinkedHashMap<>();
      for (int i = 0; i < partitionColumns.size(); i++) {
        String value = partition.getKey().get(i);
        values.put(partitionColumns.get(i), value == null ? Literal.ofNull(StringType.STRING) : Literal.ofString(value));
      }
      CloseableIterator<FilteredColumnarBatch> physical = io.delta.kernel.Transaction.transformLogicalData(
          ENGINE, state, Utils.singletonCloseableIterator(batch(schema, kernelSchema, partition.getValue())), values);
      DataWriteContext context = io.delta.kernel.Transaction.getWriteContext(ENGINE, state, values);
      CloseableIterator<DataFileStatus> files = ENGINE.getParquetHandler()
          .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns());
      try (CloseableIterator<io.delta.kernel.data.Row> adds =
          io.delta.kernel.Transaction.generateAppendActions(ENGINE, state, files, context)) {
        adds.forEachRemaining(actions::add);
      }
    }
    return txn.commit(ENGINE, CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())))
        .getVersion();
  }

  private static FilteredColumnarBatch batch(StructType schema, io.delta.kernel.types.StructType kernelSchema,
      List<Row> rows) {
    ColumnVector[] columns = new ColumnVector[schema.length()];
    for (int c = 0; c < columns.length; c++) {
      if (!SAME_CLASSES.contains(schema.fields().get(c).type())) {
        throw new IllegalArgumentException("KernelWriter writes only columns of " + SAME_CLASSES + ", not " + schema.fields().get(c));
      }
      List<Object> values = new ArrayList<>(rows.size());
      for (Row row : rows) {
        values.add(row.get(c));
      }
      columns[c] = DefaultGenericVector.fromList(kernelSchema.at(c).getDataType(), values);
    }
    return new FilteredColumnarBatch(new DefaultColumnarBatch(rows.size(), kernelSchema, columns), Optional.empty());
  }
}
