package io.delta4j.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects outcomes and renders the report issue #2 asks for: exactly one line
 * {@code <label>: N passed, N failed, N skipped} (the label is {@code conformance} for the shared
 * corpus), then one line per skipped case with its reason.
 */
final class Summary {
  private record Entry(ConformanceCase c, Outcome outcome) {}

  private final String label;
  private final List<Entry> entries = new ArrayList<>();

  Summary(String label) {
    this.label = label;
  }

  synchronized void record(ConformanceCase c, Outcome outcome) {
    entries.add(new Entry(c, outcome));
  }

  synchronized long count(Outcome.Status status) {
    return entries.stream().filter(e -> e.outcome().status() == status).count();
  }

  synchronized List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(label + ": " + count(Outcome.Status.PASSED) + " passed, " + count(Outcome.Status.FAILED)
        + " failed, " + count(Outcome.Status.SKIPPED) + " skipped");
    for (Entry e : entries) {
      if (e.outcome().status() == Outcome.Status.SKIPPED) {
        lines.add("  skipped " + e.c().name() + ": " + e.outcome().message());
      }
    }
    return lines;
  }

  /** The failure messages, in case order. */
  synchronized List<String> failures() {
    return entries.stream()
        .filter(e -> e.outcome().status() == Outcome.Status.FAILED)
        .map(e -> e.outcome().message())
        .toList();
  }
}
