package io.delta4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Runs a workload the same way for every library: warm-up runs, then measured runs in the same
 * JVM, each after a full GC so that one run's garbage is not collected on the next one's clock.
 * A workload's {@link Workload#prepare} and {@link Workload#after} (a fresh table before a write,
 * reading it back after) run around each run, off the clock.
 *
 * <p>Warm-up is by count and by time: a workload of a few milliseconds is done warming up after
 * a handful of runs by count, long before the JIT compilers (which share the machine's two cores
 * with the library's own threads) have compiled its hot code. Measured after 10 warm-up runs,
 * delta4j's open of a 55-commit version took 90 ms; after 5 s of warm-up, 9 ms.
 *
 * <p>Heap, measured with the JVM's own beans:
 * <ul>
 *   <li>peak: the heap pools' peak usage is reset after the pre-run GC and read after the run;
 *       the sum of the pools' peaks, the largest over the measured runs. It counts garbage not yet
 *       collected, so it reads as "heap the run needed at most", bounded by the young generation's
 *       size, not as live data;</li>
 *   <li>retained: used heap after repeated full GCs, with the opened snapshot held, minus the same
 *       before the open; the median of three such opens. That is what a caller pays for keeping
 *       the snapshot. The eden space is left out: a full GC leaves every live object outside it,
 *       so what eden holds then was allocated after the GC by other threads (a thread pool's
 *       workers going idle), and G1 counts it by whole regions, 4 to 30 MB at random.</li>
 * </ul>
 */
public final class Measure {
  /** Measured runs stop early (after at least {@link #MIN_RUNS}) once they took this long. */
  private final long budgetNanos;
  private static final int MIN_RUNS = 3;
  private static final int RETAINED_SAMPLES = 3;

  /** Warm-up goes on at least this long (unless half the budget is spent). */
  private final long warmupNanos;

  public Measure(long budgetSeconds, double warmupSeconds) {
    this.budgetNanos = budgetSeconds * 1_000_000_000L;
    this.warmupNanos = Math.min((long) (warmupSeconds * 1e9), budgetNanos / 2);
  }

  /**
   * @param cpuMillis per measured run, the CPU time of the whole JVM (every thread: the library's,
   *     the collector's, the JIT's): unlike wall time, hardly longer when other processes share the
   *     machine; empty where the JVM cannot tell
   */
  public record Result(List<Double> millis, List<Double> cpuMillis, long peakHeapBytes, OptionalLong retainedHeapBytes,
      Outcome last, int warmups, double warmupMillis) {

    public double median() {
      return median(millis);
    }

    /** The median of {@link #cpuMillis}, or empty. */
    public OptionalDouble cpuMedian() {
      return cpuMillis.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(median(cpuMillis));
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
      List<Double> s = new ArrayList<>(values);
      Collections.sort(s);
      int n = s.size();
      return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Nearest-rank 90th percentile. */
    public double p90() {
      List<Double> s = sorted();
      return s.get((int) Math.ceil(0.9 * s.size()) - 1);
    }

    public double min() {
      return sorted().get(0);
    }

    public double max() {
      return sorted().get(millis.size() - 1);
    }

    private List<Double> sorted() {
      List<Double> s = new ArrayList<>(millis);
      Collections.sort(s);
      return s;
    }
  }

  /** A check of each outcome (expected file count and version); throws when it does not hold. */
  public interface Check {
    void accept(Outcome outcome);
  }

  public Result run(Workload workload, int warmup, int runs, boolean heap, Check check)
      throws Exception {
    long warmStart = System.nanoTime();
    int warmups = 0;
    Outcome last = null;
    while (warmups < warmup || System.nanoTime() - warmStart < warmupNanos) {
      workload.prepare();
      last = workload.after(workload.run());
      check.accept(last);
      warmups++;
      // A very slow workload (a big table on a slow peer) gets fewer warm-ups, not a longer run.
      if (System.nanoTime() - warmStart > budgetNanos / 2) {
        break;
      }
    }
    double warmupMillis = (System.nanoTime() - warmStart) / 1e6;
    List<Double> millis = new ArrayList<>();
    List<Double> cpuMillis = new ArrayList<>();
    long peak = 0;
    long measuredStart = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      workload.prepare();
      fullGc();
      resetPeaks();
      long cpu0 = OtherLoad.ownCpuNanos();
      long t0 = System.nanoTime();
      Outcome timed = workload.run();
      long t1 = System.nanoTime();
      long cpu1 = OtherLoad.ownCpuNanos();
      if (cpu0 >= 0) {
        cpuMillis.add((cpu1 - cpu0) / 1e6);
      }
      peak = Math.max(peak, peakHeap());
      last = workload.after(timed);
      check.accept(last);
      millis.add((t1 - t0) / 1e6);
      if (millis.size() >= MIN_RUNS && System.nanoTime() - measuredStart > budgetNanos) {
        break;
      }
    }
    OptionalLong retained = OptionalLong.empty();
    if (heap) {
      // The median of three opens: a single before/after difference now and then carries a few
      // MB the collector left behind.
      last = null;
      List<Long> samples = new ArrayList<>();
      for (int i = 0; i < RETAINED_SAMPLES; i++) {
        workload.prepare();
        fullGc();
        long before = usedHeap();
        Outcome held = workload.run();
        fullGc();
        long after = usedHeap();
        check.accept(workload.after(held));
        Reference.reachabilityFence(held.held());
        samples.add(Math.max(0, after - before));
        last = held;
      }
      Collections.sort(samples);
      retained = OptionalLong.of(samples.get(RETAINED_SAMPLES / 2));
    }
    return new Result(millis, cpuMillis, peak, retained, last, warmups, warmupMillis);
  }

  private static void fullGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  /** Used heap outside eden (see the class comment). */
  private static long usedHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")) {
        sum += pool.getUsage().getUsed();
      }
    }
    return sum;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
