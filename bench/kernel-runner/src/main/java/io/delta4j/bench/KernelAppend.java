package io.delta4j.bench;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.defaults.internal.data.vector.DefaultDoubleVector;
import io.delta.kernel.defaults.internal.data.vector.DefaultIntVector;
import io.delta.kernel.defaults.internal.data.vector.DefaultLongVector;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Kernel's {@code append-1m}, with its write API as in Kernel's own examples
 * ({@code kernel/examples}, {@code CreateTableAndInsertData}): before each run (untimed) a fresh
 * table of {@link AppendSpec}'s schema, created by a {@code CREATE_TABLE} transaction with no
 * data; the timed run is a {@code WRITE} transaction: {@code getTransactionState}, the rows
 * generated on the fly as {@link FilteredColumnarBatch}es of {@value #BATCH_ROWS} rows (Kernel's
 * default-engine column vectors over arrays), {@code Transaction.transformLogicalData},
 * {@code engine.getParquetHandler().writeParquetFiles}, {@code Transaction.generateAppendActions},
 * {@code commit}. After it (untimed) Kernel reads the table back: row count and sum of {@code id}.
 * The Parquet files are snappy-compressed like delta4j's ({@code parquet.compression}), or
 * uncompressed, as Kernel's default engine writes them unless told otherwise.
 * The post-commit hooks (a checksum file) are not run: delta4j writes none either.
 */
final class KernelAppend {
  static final int BATCH_ROWS = 4096;
  static final StructType SCHEMA = new StructType()
      .add("id", LongType.LONG)
      .add("n", IntegerType.INTEGER)
      .add("x", DoubleType.DOUBLE)
      .add("s", StringType.STRING)
      .add("d", DateType.DATE);
  private static final String ENGINE_INFO = "delta4j-bench";

  private KernelAppend() {}

  /** {@code codec}: parquet-mr's name, e.g. {@code SNAPPY} (delta4j's default) or {@code UNCOMPRESSED} (Kernel's). */
  static Workload workload(String dir, Options o, String codec) {
    Configuration conf = new Configuration();
    conf.set("parquet.compression", codec);
    Engine engine = DefaultEngine.create(conf);
    long rows = o.getLong("rows", 1_000_000);
    String table = Path.of(dir, AppendSpec.TABLE_DIR).toString();
    return new Workload() {
      @Override
      public void prepare() throws Exception {
        AppendSpec.freshDirectory(Path.of(table));
        Table.forPath(engine, table).createTransactionBuilder(engine, ENGINE_INFO, Operation.CREATE_TABLE)
            .withSchema(engine, SCHEMA)
            .build(engine)
            .commit(engine, CloseableIterable.emptyIterable());
      }

      @Override
      public Outcome run() throws Exception {
        return new Outcome(null, -1, append(engine, table, rows).getVersion());
      }

      @Override
      public Outcome after(Outcome timed) throws Exception {
        Snapshot s = Table.forPath(engine, table).getLatestSnapshot(engine);
        long[] rowsAndSum = KernelRunner.scanSum(engine, s, "id");
        int files = KernelRunner.paths(engine, s.getScanBuilder()).size();
        return new Outcome(null, files, s.getVersion(), rowsAndSum[0], rowsAndSum[1]);
      }
    };
  }

  static TransactionCommitResult append(Engine engine, String table, long rows) throws Exception {
    Transaction txn = Table.forPath(engine, table)
        .createTransactionBuilder(engine, ENGINE_INFO, Operation.WRITE)
        .build(engine);
    Row state = txn.getTransactionState(engine);
    Map<String, Literal> unpartitioned = Map.of();
    CloseableIterator<FilteredColumnarBatch> physical =
        Transaction.transformLogicalData(engine, state, batches(rows), unpartitioned);
    DataWriteContext context = Transaction.getWriteContext(engine, state, unpartitioned);
    CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
        .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns());
    CloseableIterator<Row> actions = Transaction.generateAppendActions(engine, state, files, context);
    return txn.commit(engine, CloseableIterable.inMemoryIterable(actions));
  }

  /** Rows 0..count-1 in batches, each made when the writer asks for it. */
  static CloseableIterator<FilteredColumnarBatch> batches(long count) {
    return new CloseableIterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public FilteredColumnarBatch next() {
        if (next >= count) {
          throw new NoSuchElementException();
        }
        int size = (int) Math.min(BATCH_ROWS, count - next);
        FilteredColumnarBatch batch = batch(next, size);
        next += size;
        return batch;
      }

      @Override
      public void close() {}
    };
  }

  private static FilteredColumnarBatch batch(long first, int size) {
    long[] id = new long[size];
    int[] n = new int[size];
    double[] x = new double[size];
    String[] s = new String[size];
    int[] d = new int[size];
    for (int r = 0; r < size; r++) {
      long i = first + r;
      id[r] = AppendSpec.id(i);
      n[r] = AppendSpec.n(i);
      x[r] = AppendSpec.x(i);
      s[r] = AppendSpec.s(i);
      d[r] = AppendSpec.days(i);
    }
    ColumnVector[] vectors = {
      new DefaultLongVector(LongType.LONG, size, Optional.empty(), id),
      new DefaultIntVector(IntegerType.INTEGER, size, Optional.empty(), n),
      new DefaultDoubleVector(size, Optional.empty(), x),
      new StringVector(s),
      new DefaultIntVector(DateType.DATE, size, Optional.empty(), d),
    };
    return new FilteredColumnarBatch(new DefaultColumnarBatch(size, SCHEMA, vectors), Optional.empty());
  }

  /** Java strings as a column (Kernel's default string vector holds UTF-8 bytes instead). */
  private record StringVector(String[] values) implements ColumnVector {
    @Override
    public DataType getDataType() {
      return StringType.STRING;
    }

    @Override
    public int getSize() {
      return values.length;
    }

    @Override
    public void close() {}

    @Override
    public boolean isNullAt(int rowId) {
      return values[rowId] == null;
    }

    @Override
    public String getString(int rowId) {
      return values[rowId];
    }
  }
}
