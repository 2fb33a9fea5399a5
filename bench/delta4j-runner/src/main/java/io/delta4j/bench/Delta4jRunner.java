package io.delta4j.bench;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.ScanFile;
import io.delta4j.Snapshot;
import io.delta4j.expr.Predicates;
import java.util.List;

/**
 * delta4j's side of the workloads (see {@link RunnerMain} for the command line).
 *
 * <ul>
 *   <li>{@code open-list}: {@code DeltaTable.open(p).getFiles()};</li>
 *   <li>{@code open-version}: {@code DeltaTable.open(p, v).getFiles()};</li>
 *   <li>{@code open-partition-filter}: open, then {@code snapshot().scan().filter(column = value).files()}
 *       (partition pruning by the scan's predicate);</li>
 *   <li>{@code scan-sum}: open, then {@code snapshot().scan().select(column).rows()}, counting the rows
 *       and summing the column with {@code Row.getLong};</li>
 *   <li>{@code append-1m}, {@code append-1m-maps}: a fresh table, then one transaction appending
 *       1M generated rows, given as {@code Row}s or as {@code Map}s (see {@link Delta4jAppend});</li>
 *   <li>{@code checkpoint-parquet}: not delta4j at all, the baseline of {@link ParquetBaseline}.</li>
 * </ul>
 */
public final class Delta4jRunner {
  private Delta4jRunner() {}

  public static void main(String[] args) {
    String workload = args.length > 0 ? args[0] : "";
    if (workload.equals("checkpoint-parquet")) {
      RunnerMain.run("parquet-hadoop", ParquetBaseline.VERSION, args, ParquetBaseline::workload);
      return;
    }
    RunnerMain.run("delta4j", version(), args, Delta4jRunner::workload);
  }

  static Workload workload(String workload, String path, Options o) {
    return switch (workload) {
      case "open-list" -> () -> {
        DeltaTable table = DeltaTable.open(path);
        List<String> files = table.getFiles();
        return new Outcome(table, files.size(), table.version());
      };
      case "open-version" -> {
        long version = Long.parseLong(o.require("version"));
        yield () -> {
          DeltaTable table = DeltaTable.open(path, version);
          List<String> files = table.getFiles();
          return new Outcome(table, files.size(), table.version());
        };
      }
      case "open-partition-filter" -> {
        String column = o.require("filter-column");
        String value = o.require("filter-value");
        yield () -> {
          DeltaTable table = DeltaTable.open(path);
          Snapshot snapshot = table.snapshot();
          List<ScanFile> files = snapshot.scan().filter(Predicates.equal(column, value)).files();
          return new Outcome(table, files.size(), snapshot.version());
        };
      }
      case "scan-sum" -> {
        String column = o.get("sum-column", "value");
        yield () -> {
          DeltaTable table = DeltaTable.open(path);
          Snapshot snapshot = table.snapshot();
          long rows = 0;
          long sum = 0;
          try (CloseableIterator<Row> it = snapshot.scan().select(column).rows()) {
            while (it.hasNext()) {
              Row r = it.next();
              rows++;
              if (!r.isNullAt(0)) {
                sum += r.getLong(0);
              }
            }
          }
          return new Outcome(table, -1, snapshot.version(), rows, sum);
        };
      }
      case "append-1m" -> Delta4jAppend.workload(path, o, false);
      case "append-1m-maps" -> Delta4jAppend.workload(path, o, true);
      default -> null;
    };
  }

  private static String version() {
    String v = DeltaTable.class.getPackage().getImplementationVersion();
    return v != null ? v : System.getProperty("delta4j.bench.version", "0.1.0-SNAPSHOT");
  }
}
