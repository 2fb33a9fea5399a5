package io.delta4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which leaves of a table's data schema get statistics, as Delta's {@code StatisticsCollection}
 * decides: the first {@code delta.dataSkippingNumIndexedCols} leaves in schema order (-1: all),
 * or, when {@code delta.dataSkippingStatsColumns} is set, the leaves under its columns (logical
 * names, ignoring case). A leaf is a non-struct column; an array or a map counts as one. The data
 * writer and the checkpoint's {@code stats_parsed} schema both ask here, so the two always agree.
 * Ask once per leaf, in schema order (struct fields depth first): the answer depends on the count.
 */
final class IndexedLeaves {
  private final int numIndexedCols;
  private final List<List<String>> statsColumns; // lower-case logical paths; empty: use numIndexedCols
  private int seen;

  IndexedLeaves(int numIndexedCols, List<List<String>> statsColumns) {
    this.numIndexedCols = numIndexedCols;
    this.statsColumns = new ArrayList<>();
    for (List<String> p : statsColumns) {
      this.statsColumns.add(p.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }
  }

  /** Whether the next leaf, at logical path {@code logical}, is indexed. */
  boolean next(List<String> logical) {
    int position = seen++;
    if (statsColumns.isEmpty()) {
      return numIndexedCols < 0 || position < numIndexedCols;
    }
    List<String> lower = logical.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    for (List<String> p : statsColumns) {
      if (p.size() <= lower.size() && lower.subList(0, p.size()).equals(p)) {
        return true;
      }
    }
    return false;
  }
}
