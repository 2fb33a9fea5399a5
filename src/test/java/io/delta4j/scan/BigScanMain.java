package io.delta4j.scan;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.Snapshot;
import io.delta4j.expr.Predicates;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The child JVM of {@link BigScanTest}: scans a table with {@code select("id", "value")} and the
 * filter {@code from <= id < to}, counting the rows and summing both columns through the primitive
 * getters, then counts every row. Prints one {@code key=value} line of results and one of
 * measurements. Arguments: table path, from, to.
 */
public final class BigScanMain {
  private BigScanMain() {}

  public static void main(String[] args) {
    String table = args[0];
    long from = Long.parseLong(args[1]);
    long to = Long.parseLong(args[2]);
    long start = System.nanoTime();
    Snapshot snapshot = DeltaTable.open(table).snapshot();
    long count = 0;
    long idSum = 0;
    double valueSum = 0;
    try (CloseableIterator<Row> rows = snapshot.scan()
        .select("id", "value")
        .filter(Predicates.and(Predicates.greaterThanOrEqual("id", from), Predicates.lessThan("id", to)))
        .rows()) {
      while (rows.hasNext()) {
        Row r = rows.next();
        idSum += r.getLong(0);
        valueSum += r.getDouble(1);
        count++;
      }
    }
    long scanned = System.nanoTime();
    long all = snapshot.scan().count();
    long end = System.nanoTime();
    System.out.println(String.format(Locale.ROOT, "result count=%d idSum=%d valueSum=%s all=%d",
        count, idSum, Double.toString(valueSum), all));
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long gcs = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcs += gc.getCollectionCount();
    }
    System.out.println(String.format(Locale.ROOT,
        "measured maxHeap=%d heapPoolPeaksSum=%d gcs=%d scanMs=%d countMs=%d",
        Runtime.getRuntime().maxMemory(), peak, gcs, (scanned - start) / 1_000_000, (end - scanned) / 1_000_000));
  }
}
