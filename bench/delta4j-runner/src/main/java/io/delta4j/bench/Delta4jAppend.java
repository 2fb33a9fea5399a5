package io.delta4j.bench;

import io.delta4j.CloseableIterator;
import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.Snapshot;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/**
 * delta4j's {@code append-1m}: before each run (untimed) a fresh empty table of {@link AppendSpec}'s
 * schema; the timed run opens it and appends {@code --rows} rows (default 1,000,000) in one
 * transaction, {@code DeltaTable.open(p).newTransaction().append(rows).commit()}, the rows built on
 * the fly while the writer pulls them; after it (untimed) the table is read back, and the row count
 * and the sum of {@code id} are checked. The rows are {@code Row.of(schema, values...)}, or, with
 * {@code maps}, {@code Map.of(name, value, ...)}: the two ways the API takes rows.
 */
final class Delta4jAppend {
  static final StructType SCHEMA = StructType.of(
      new StructField("id", PrimitiveType.LONG, true),
      new StructField("n", PrimitiveType.INTEGER, true),
      new StructField("x", PrimitiveType.DOUBLE, true),
      new StructField("s", PrimitiveType.STRING, true),
      new StructField("d", PrimitiveType.DATE, true));

  private Delta4jAppend() {}

  static Workload workload(String dir, Options o, boolean maps) {
    long rows = o.getLong("rows", 1_000_000);
    String table = Path.of(dir, AppendSpec.TABLE_DIR).toString();
    LongFunction<Object> row = maps ? Delta4jAppend::mapRow : Delta4jAppend::row;
    return new Workload() {
      @Override
      public void prepare() {
        AppendSpec.freshDirectory(Path.of(table));
        DeltaTable.create(table, SCHEMA, List.of(), Map.of());
      }

      @Override
      public Outcome run() {
        CommitResult result = DeltaTable.open(table).newTransaction().append(generated(rows, row)).commit();
        return new Outcome(null, -1, result.version());
      }

      @Override
      public Outcome after(Outcome timed) {
        return readBack(table, timed.version());
      }
    };
  }

  static Row row(long i) {
    return Row.of(SCHEMA, AppendSpec.id(i), AppendSpec.n(i), AppendSpec.x(i), AppendSpec.s(i),
        LocalDate.ofEpochDay(AppendSpec.days(i)));
  }

  static Map<String, Object> mapRow(long i) {
    return Map.of("id", AppendSpec.id(i), "n", AppendSpec.n(i), "x", AppendSpec.x(i), "s", AppendSpec.s(i),
        "d", LocalDate.ofEpochDay(AppendSpec.days(i)));
  }

  /** Rows 0..count-1, each made when the writer asks for it (nothing held in memory). */
  private static Iterable<Object> generated(long count, LongFunction<Object> row) {
    return () -> new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Object next() {
        if (next >= count) {
          throw new NoSuchElementException();
        }
        return row.apply(next++);
      }
    };
  }

  /** The table's data files, row count and sum of {@code id}, as delta4j reads them back. */
  private static Outcome readBack(String table, long committedVersion) {
    DeltaTable t = DeltaTable.open(table);
    Snapshot snapshot = t.snapshot();
    long rows = 0;
    long sum = 0;
    try (CloseableIterator<Row> it = snapshot.scan().select("id").rows()) {
      while (it.hasNext()) {
        rows++;
        sum += it.next().getLong(0);
      }
    }
    if (snapshot.version() != committedVersion) {
      throw new RunnerMain.WrongAnswer("committed version " + committedVersion + " but read version " + snapshot.version());
    }
    return new Outcome(null, t.getFiles().size(), snapshot.version(), rows, sum);
  }
}
