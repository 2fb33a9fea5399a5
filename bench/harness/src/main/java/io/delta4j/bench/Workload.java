package io.delta4j.bench;

/** One execution of a benchmarked operation, e.g. "open the latest snapshot and list its files". */
@FunctionalInterface
public interface Workload {
  Outcome run() throws Exception;

  /** Untimed, before each run: e.g. a fresh empty table for a write to go to. */
  default void prepare() throws Exception {}

  /**
   * Untimed, after each run: e.g. reading back what a write wrote. Returns the outcome to check
   * (by default the timed run's own).
   */
  default Outcome after(Outcome timed) throws Exception {
    return timed;
  }
}
