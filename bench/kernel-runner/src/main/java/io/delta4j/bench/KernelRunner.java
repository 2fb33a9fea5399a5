package io.delta4j.bench;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Delta Kernel's side of the workloads, with the default engine (Hadoop local file system). One
 * engine serves every run, as an application would keep one.
 *
 * <ul>
 *   <li>{@code open-list}: {@code Table.forPath(engine, p).getLatestSnapshot(engine)
 *       .getScanBuilder().build().getScanFiles(engine)}, every row's {@code add.path} into a list;</li>
 *   <li>{@code open-version}: the same from {@code getSnapshotAsOfVersion(engine, v)};</li>
 *   <li>{@code open-partition-filter}: the scan built {@code withFilter(date = X)}: Kernel prunes
 *       partitions itself;</li>
 *   <li>{@code scan-sum}: the scan built {@code withReadSchema(column)}; for each scan file its
 *       physical data read by the engine's Parquet handler ({@code ScanStateRow.getPhysicalDataReadSchema}),
 *       then {@code Scan.transformPhysicalData}, rows counted (selection vector honoured) and the
 *       column summed from the batches' column vectors, as Kernel's example readers do;</li>
 *   <li>{@code append-1m}: one write transaction appending 1M generated rows to a fresh table, with
 *       Kernel's write API, snappy like delta4j (see {@link KernelAppend});
 *       {@code append-1m-uncompressed}: the same with Kernel's default, uncompressed Parquet.</li>
 * </ul>
 *
 * Two more commands serve run.sh:
 * <pre>
 * KernelRunner verify TABLE --expect-version V --expect-files N [--version M --expect-middle-files K]
 *                            [--filter-column C --filter-value X --expect-filter-files F]
 *                            [--expect-rows N --expect-sum S [--sum-column value]]   (table d: Kernel scans it)
 * KernelRunner checkpoint TABLE VERSION     Kernel writes a classic checkpoint (Table.checkpoint)
 * </pre>
 */
public final class KernelRunner {
  static final String VERSION = "4.4.0";

  private KernelRunner() {}

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 ? args[0] : "";
    switch (command) {
      case "verify" -> System.exit(verify(new Options(args)));
      case "checkpoint" -> {
        Options o = new Options(args);
        Engine engine = DefaultEngine.create(new Configuration());
        long version = Long.parseLong(o.arg(2, "version"));
        long t0 = System.nanoTime();
        Table.forPath(engine, o.arg(1, "table")).checkpoint(engine, version);
        System.err.printf("kernel checkpoint at version %d: %.1f s%n", version, (System.nanoTime() - t0) / 1e9);
        System.exit(0);
      }
      default -> RunnerMain.run("kernel", VERSION, args, KernelRunner::workload);
    }
  }

  static Workload workload(String workload, String path, Options o) {
    Engine engine = DefaultEngine.create(new Configuration());
    return switch (workload) {
      case "open-list" -> () -> {
        Snapshot s = Table.forPath(engine, path).getLatestSnapshot(engine);
        return new Outcome(s, paths(engine, s.getScanBuilder()).size(), s.getVersion());
      };
      case "open-version" -> {
        long version = Long.parseLong(o.require("version"));
        yield () -> {
          Snapshot s = Table.forPath(engine, path).getSnapshotAsOfVersion(engine, version);
          return new Outcome(s, paths(engine, s.getScanBuilder()).size(), s.getVersion());
        };
      }
      case "open-partition-filter" -> {
        Predicate filter = equal(o.require("filter-column"), o.require("filter-value"));
        yield () -> {
          Snapshot s = Table.forPath(engine, path).getLatestSnapshot(engine);
          return new Outcome(s, paths(engine, s.getScanBuilder().withFilter(filter)).size(), s.getVersion());
        };
      }
      case "scan-sum" -> {
        String column = o.get("sum-column", "value");
        yield () -> {
          Snapshot s = Table.forPath(engine, path).getLatestSnapshot(engine);
          long[] rowsAndSum = scanSum(engine, s, column);
          return new Outcome(s, -1, s.getVersion(), rowsAndSum[0], rowsAndSum[1]);
        };
      }
      case "append-1m" -> KernelAppend.workload(path, o, "SNAPPY");
      case "append-1m-uncompressed" -> KernelAppend.workload(path, o, "UNCOMPRESSED");
      default -> null;
    };
  }

  /** Reads every row of {@code column}: {rows, sum}. */
  static long[] scanSum(Engine engine, Snapshot snapshot, String column) throws Exception {
    StructType readSchema = new StructType().add(snapshot.getSchema().get(column));
    Scan scan = snapshot.getScanBuilder().withReadSchema(readSchema).build();
    Row state = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(state);
    long rows = 0;
    long sum = 0;
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            Row fileRow = fileRows.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(fileRow);
            CloseableIterator<ColumnarBatch> physicalData = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(status), physical, Optional.empty())
                .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> data =
                Scan.transformPhysicalData(engine, state, fileRow, physicalData)) {
              while (data.hasNext()) {
                FilteredColumnarBatch batch = data.next();
                ColumnarBatch b = batch.getData();
                ColumnVector v = b.getColumnVector(b.getSchema().indexOf(column));
                Optional<ColumnVector> selection = batch.getSelectionVector();
                int n = b.getSize();
                for (int i = 0; i < n; i++) {
                  if (selection.isPresent()
                      && (selection.get().isNullAt(i) || !selection.get().getBoolean(i))) {
                    continue;
                  }
                  rows++;
                  if (!v.isNullAt(i)) {
                    sum += v.getLong(i);
                  }
                }
              }
            }
          }
        }
      }
    }
    return new long[] {rows, sum};
  }

  /** {@code column = value} for the generated tables' {@code date} partition column. */
  static Predicate equal(String column, String value) {
    int days = (int) LocalDate.parse(value).toEpochDay();
    return new Predicate("=", new Column(column), Literal.ofDate(days));
  }

  /** Every scan file's {@code add.path}. */
  static List<String> paths(Engine engine, ScanBuilder builder) throws Exception {
    Scan scan = builder.build();
    List<String> out = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          int add = -1;
          int path = -1;
          while (rows.hasNext()) {
            Row row = rows.next();
            if (add < 0) {
              add = row.getSchema().indexOf("add");
              path = row.getStruct(add).getSchema().indexOf("path");
            }
            out.add(row.getStruct(add).getString(path));
          }
        }
      }
    }
    return out;
  }

  /** Checks a generated table with Kernel; 0 when it reads what the generator wrote. */
  static int verify(Options o) throws Exception {
    String path = o.arg(1, "table");
    Engine engine = DefaultEngine.create(new Configuration());
    List<String> problems = new ArrayList<>();
    Snapshot latest = Table.forPath(engine, path).getLatestSnapshot(engine);
    long files = paths(engine, latest.getScanBuilder()).size();
    expect(problems, "latest version", latest.getVersion(), o.getLong("expect-version", -1));
    expect(problems, "files at the latest version", files, o.getLong("expect-files", -1));
    Optional<String> middle = Optional.ofNullable(o.get("version", null));
    if (middle.isPresent()) {
      Snapshot s = Table.forPath(engine, path).getSnapshotAsOfVersion(engine, Long.parseLong(middle.get()));
      expect(problems, "files at version " + middle.get(), paths(engine, s.getScanBuilder()).size(),
          o.getLong("expect-middle-files", -1));
    }
    if (o.get("filter-column", null) != null) {
      Predicate filter = equal(o.require("filter-column"), o.require("filter-value"));
      expect(problems, "files matching " + filter, paths(engine, latest.getScanBuilder().withFilter(filter)).size(),
          o.getLong("expect-filter-files", -1));
    }
    if (o.get("expect-rows", null) != null) {
      long[] rowsAndSum = scanSum(engine, latest, o.get("sum-column", "value"));
      expect(problems, "rows", rowsAndSum[0], o.getLong("expect-rows", -1));
      expect(problems, "sum", rowsAndSum[1], o.getLong("expect-sum", -1));
    }
    if (problems.isEmpty()) {
      System.err.printf("kernel verify %s: version %d, %d files: ok%n", path, latest.getVersion(), files);
      return 0;
    }
    System.err.println("KERNEL VERIFY FAILED for " + path + ": " + String.join("; ", problems));
    return 1;
  }

  private static void expect(List<String> problems, String what, long actual, long expected) {
    if (expected >= 0 && actual != expected) {
      problems.add(what + " is " + actual + ", expected " + expected);
    }
  }
}
