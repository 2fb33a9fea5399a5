package io.delta4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Several workloads measured in turns in one JVM: each round runs every workload once, in the
 * given order (delta4j, Kernel, delta4j, Kernel, ...), so that neither runs on code the JIT
 * compiled while the other waited. Meant for many small tables measured one after the other in
 * a JVM already warmed up on all of them: a few warm-up rounds per table, then measured rounds.
 *
 * <p>Unlike {@link Measure}, there is one full GC before the measured rounds, not three before each
 * run: a full GC takes about 20 ms here, more than a small table's open, and hundreds of tables
 * would spend minutes in it. The garbage of one run rarely fills the young generation, and a
 * collection landing on one run moves the median of several little. No CPU time either: the JVM
 * counts it in 10 ms ticks here, longer than such a run.
 *
 * @see Measure for the single-workload runs of the runners
 */
public final class Alternation {
  private static final int MIN_ROUNDS = 3;

  /** Measured rounds stop early (after at least {@link #MIN_ROUNDS}) once they took this long. */
  private final long budgetNanos;

  public Alternation(double budgetSeconds) {
    this.budgetNanos = (long) (budgetSeconds * 1e9);
  }

  /**
   * Runs up to {@code warmupRounds} (fewer once half the budget is spent), then up to
   * {@code rounds} measured rounds (once three are done, none after the budget is spent); checks
   * every outcome.
   *
   * @return one result per workload, in the given order (no heap figures: peak -1, retained empty)
   */
  public List<Measure.Result> run(List<Workload> workloads, int warmupRounds, int rounds, Measure.Check check)
      throws Exception {
    int n = workloads.size();
    Outcome[] last = new Outcome[n];
    long warmStart = System.nanoTime();
    int warmups = 0;
    while (warmups < warmupRounds) {
      for (int w = 0; w < n; w++) {
        Workload workload = workloads.get(w);
        workload.prepare();
        last[w] = workload.after(workload.run());
        check.accept(last[w]);
      }
      warmups++;
      // A slow case (a library retrying a corrupt file for seconds) gets fewer warm-up rounds.
      if (System.nanoTime() - warmStart > budgetNanos / 2) {
        break;
      }
    }
    double warmupMillis = (System.nanoTime() - warmStart) / 1e6;
    List<List<Double>> millis = new ArrayList<>();
    for (int w = 0; w < n; w++) {
      millis.add(new ArrayList<>());
    }
    System.gc();
    long measuredStart = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      for (int w = 0; w < n; w++) {
        Workload workload = workloads.get(w);
        workload.prepare();
        long t0 = System.nanoTime();
        Outcome timed = workload.run();
        long t1 = System.nanoTime();
        last[w] = workload.after(timed);
        check.accept(last[w]);
        millis.get(w).add((t1 - t0) / 1e6);
      }
      if (i + 1 >= MIN_ROUNDS && System.nanoTime() - measuredStart > budgetNanos) {
        break;
      }
    }
    List<Measure.Result> out = new ArrayList<>();
    for (int w = 0; w < n; w++) {
      out.add(new Measure.Result(millis.get(w), List.of(), -1, OptionalLong.empty(), last[w], warmups, warmupMillis));
    }
    return out;
  }
}
