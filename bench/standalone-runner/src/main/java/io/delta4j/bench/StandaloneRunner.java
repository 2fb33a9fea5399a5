package io.delta4j.bench;

import io.delta.standalone.DeltaLog;
import io.delta.standalone.DeltaScan;
import io.delta.standalone.Snapshot;
import io.delta.standalone.actions.AddFile;
import io.delta.standalone.data.CloseableIterator;
import io.delta.standalone.data.RowRecord;
import io.delta.standalone.expressions.Column;
import io.delta.standalone.expressions.EqualTo;
import io.delta.standalone.expressions.Literal;
import io.delta.standalone.types.DateType;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Delta Standalone's side of the workloads. One Hadoop configuration serves every run.
 *
 * <ul>
 *   <li>{@code open-list}: {@code DeltaLog.forTable(conf, p).update().getAllFiles()}, paths into a
 *       list;</li>
 *   <li>{@code open-version}: {@code DeltaLog.forTable(conf, p).getSnapshotForVersionAsOf(v)}.
 *       Standalone has no way to open a log without loading its latest snapshot first, so this
 *       includes that;</li>
 *   <li>{@code open-partition-filter}: {@code snapshot.scan(date = X).getFiles()}: Standalone
 *       prunes partitions itself.</li>
 *   <li>{@code scan-sum}: {@code DeltaLog.forTable(conf, p).update().open()}, every {@code RowRecord}
 *       counted and its column summed with {@code getLong} (Standalone reads all columns: its
 *       {@code open()} has no projection).</li>
 *   <li>{@code append-1m}: not applicable, and says why in its result.</li>
 * </ul>
 */
public final class StandaloneRunner {
  static final String VERSION = "3.3.2";

  private StandaloneRunner() {}

  public static void main(String[] args) {
    RunnerMain.run("standalone", VERSION, args, StandaloneRunner::workload);
  }

  static Workload workload(String workload, String path, Options o) {
    Configuration conf = new Configuration();
    return switch (workload) {
      case "open-list" -> () -> {
        DeltaLog log = DeltaLog.forTable(conf, path);
        Snapshot s = log.update();
        return new Outcome(new Object[] {log, s}, paths(s.getAllFiles()).size(), s.getVersion());
      };
      case "open-version" -> {
        long version = Long.parseLong(o.require("version"));
        yield () -> {
          DeltaLog log = DeltaLog.forTable(conf, path);
          Snapshot s = log.getSnapshotForVersionAsOf(version);
          return new Outcome(new Object[] {log, s}, paths(s.getAllFiles()).size(), s.getVersion());
        };
      }
      case "open-partition-filter" -> {
        String column = o.require("filter-column");
        java.sql.Date value = java.sql.Date.valueOf(o.require("filter-value"));
        yield () -> {
          DeltaLog log = DeltaLog.forTable(conf, path);
          Snapshot s = log.update();
          DeltaScan scan = s.scan(new EqualTo(new Column(column, new DateType()), Literal.of(value)));
          List<String> files = new ArrayList<>();
          try (CloseableIterator<AddFile> it = scan.getFiles()) {
            while (it.hasNext()) {
              files.add(it.next().getPath());
            }
          }
          return new Outcome(new Object[] {log, s}, files.size(), s.getVersion());
        };
      }
      case "scan-sum" -> {
        String column = o.get("sum-column", "value");
        yield () -> {
          DeltaLog log = DeltaLog.forTable(conf, path);
          Snapshot s = log.update();
          long rows = 0;
          long sum = 0;
          try (CloseableIterator<RowRecord> it = s.open()) {
            while (it.hasNext()) {
              RowRecord r = it.next();
              rows++;
              if (!r.isNullAt(column)) {
                sum += r.getLong(column);
              }
            }
          }
          return new Outcome(new Object[] {log, s}, -1, s.getVersion(), rows, sum);
        };
      }
      case "append-1m" -> throw new UnsupportedOperationException("not applicable: Delta Standalone writes no data"
          + " files (its OptimisticTransaction commits add actions for Parquet files the caller writes itself)");
      default -> null;
    };
  }

  private static List<String> paths(List<AddFile> adds) {
    List<String> out = new ArrayList<>(adds.size());
    for (AddFile a : adds) {
      out.add(a.getPath());
    }
    return out;
  }
}
