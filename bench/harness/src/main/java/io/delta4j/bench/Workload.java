package io.delta4j.bench;

/** One execution of a benchmarked operation, e.g. "open the latest snapshot and list its files". */
@FunctionalInterface
public interface Workload {
  Outcome run() throws Exception;
}
