package io.delta4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's "Same JVM" section: delta4j and Kernel listing the files of the tables Delta Lake
 * wrote, measured in turns in one JVM ({@code SameJvmCompare} in {@code bench/samejvm-runner}).
 * Renders nothing when the results have no such lines.
 */
final class SameJvmSection {
  static final String WORKLOAD = "same-jvm-open-list";
  static final String COLD = "same-jvm-cold";

  /** Per table, per library, the table's line. */
  private final Map<String, Map<String, Map<String, Object>>> byTable = new LinkedHashMap<>();
  private final List<Map<String, Object>> cold = new ArrayList<>();
  private final StringBuilder md = new StringBuilder();

  SameJvmSection(List<Map<String, Object>> results) {
    for (Map<String, Object> r : results) {
      if (WORKLOAD.equals(r.get("workload"))) {
        byTable.computeIfAbsent((String) r.get("table"), t -> new LinkedHashMap<>()).put((String) r.get("library"), r);
      } else if (COLD.equals(r.get("workload"))) {
        cold.add(r);
      }
    }
  }

  /** Whether a result line belongs to this section (its lines are not runner JVMs of their own). */
  static boolean owns(Map<String, Object> r) {
    return WORKLOAD.equals(r.get("workload")) || COLD.equals(r.get("workload"));
  }

  String render() {
    if (byTable.isEmpty()) {
      return "";
    }
    List<String> compared = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    byTable.forEach((table, lines) -> {
      if (lines.values().stream().anyMatch(r -> "wrong".equals(r.get("status")))) {
        wrong.add(table);
      } else if (Report.ok(lines.get("delta4j")) && Report.ok(lines.get("kernel"))) {
        compared.add(table);
      } else {
        skipped.add(table);
      }
    });
    line("## Same JVM: tables written by Delta Lake");
    line();
    line("delta4j and Kernel in **one JVM** (`bench/samejvm-runner`, `SameJvmCompare`), on the shared reference tables");
    line("written by Delta Lake: every table of `golden/`, and those of `kernel-rs-data/` and `dat/` whose commits name");
    line("Apache Spark or Databricks as `engineInfo`. For each table's latest snapshot delta4j `DeltaTable.open(p).getFiles()`");
    line("and Kernel `Table.forPath(engine, p).getLatestSnapshot(engine).getScanBuilder().build().getScanFiles(engine)`,");
    line("every row's `add.path`; both must list the same paths at the same version, or the run fails. A warm-up first");
    line("lists every table with both libraries, pass after pass; then each table gets a few warm-up rounds and up to");
    line("seven measured rounds, each round delta4j then Kernel, so both run on the same warm JIT. Times are medians;");
    line("the ratio is delta4j time / Kernel time (below 1 delta4j is faster). The tables are small (most under 20");
    line("files): the times are mostly the fixed cost of an open.");
    line();
    totals(compared, wrong, skipped);
    coldTable();
    line("| table | files | delta4j ms | Kernel ms | delta4j/Kernel |");
    line("|---|---|---|---|---|");
    for (String t : compared) {
      Map<String, Object> d = byTable.get(t).get("delta4j");
      Map<String, Object> k = byTable.get(t).get("kernel");
      line("| `" + t + "` | " + Report.num(((Number) d.get("files")).longValue()) + " | " + Report.ms(d) + " | "
          + Report.ms(k) + " | " + String.format(Locale.ROOT, ratio(t) < 0.01 ? "%.3f" : "%.2f", ratio(t)) + " |");
    }
    line();
    if (!skipped.isEmpty()) {
      line("Skipped, as one library (or both) cannot read the table:");
      line();
      for (String t : skipped) {
        line("- `" + t + "`: " + errors(t));
      }
      line();
    }
    return md.toString();
  }

  private void totals(List<String> compared, List<String> wrong, List<String> skipped) {
    List<Double> ratios = new ArrayList<>();
    double sumD = 0;
    double sumK = 0;
    List<String> slower = new ArrayList<>();
    for (String t : compared) {
      ratios.add(ratio(t));
      sumD += millis(t, "delta4j");
      sumK += millis(t, "kernel");
      if (ratio(t) > 1) {
        slower.add("`" + t + "` (" + Report.ms(byTable.get(t).get("delta4j")) + " vs " + Report.ms(byTable.get(t).get("kernel"))
            + " ms)");
      }
    }
    line("| total | value |");
    line("|---|---|");
    line("| tables compared | " + compared.size() + " of " + byTable.size() + " (" + skipped.size()
        + " skipped: a library cannot read them, listed below) |");
    line("| wrong answers (the libraries list different files or versions) | "
        + (wrong.isEmpty() ? "none" : "**" + wrong.size() + "**: " + String.join("; ", wrong.stream()
            .map(t -> "`" + t + "`: " + errors(t)).toList())) + " |");
    if (!ratios.isEmpty()) {
      double logSum = 0;
      for (double r : ratios) {
        logSum += Math.log(r);
      }
      line(String.format(Locale.ROOT, "| geometric mean of the ratios | **%.2f** |", Math.exp(logSum / ratios.size())));
      line(String.format(Locale.ROOT, "| median ratio | %.2f |", Measure.Result.median(ratios)));
      line(String.format(Locale.ROOT, "| sum of the median times | delta4j %,.0f ms, Kernel %,.0f ms (ratio %.2f) |",
          sumD, sumK, sumD / sumK));
      line("| slowest table | delta4j: " + slowest(compared, "delta4j") + "; Kernel: " + slowest(compared, "kernel") + " |");
      line("| delta4j slower than Kernel | " + (slower.isEmpty() ? "none" : slower.size() + " tables: "
          + String.join(", ", slower)) + " |");
      othersLine(compared);
    }
    line();
  }

  /** Other processes' CPU share while each table was measured (times above 15% are marked). */
  private void othersLine(List<String> tables) {
    List<Double> shares = new ArrayList<>();
    for (String t : tables) {
      if (byTable.get(t).get("delta4j").get("othersCpuShare") instanceof Number n) {
        shares.add(n.doubleValue());
      }
    }
    if (shares.isEmpty()) {
      return;
    }
    long busy = shares.stream().filter(x -> x > Report.BUSY_SHARE).count();
    line(String.format(Locale.ROOT, "| other processes' CPU use while a table was measured | median %.0f%%, max %.0f%%%s |",
        Measure.Result.median(shares) * 100, shares.stream().mapToDouble(x -> x).max().orElse(0) * 100,
        busy == 0 ? "" : String.format(Locale.ROOT, "; above %.0f%% for %d tables, their times marked `*`",
            Report.BUSY_SHARE * 100, busy)));
  }

  private String slowest(List<String> tables, String library) {
    String worst = tables.get(0);
    for (String t : tables) {
      if (millis(t, library) > millis(worst, library)) {
        worst = t;
      }
    }
    return "`" + worst + "` " + Report.ms(byTable.get(worst).get(library)) + " ms";
  }

  private void coldTable() {
    if (cold.isEmpty()) {
      return;
    }
    Map<String, Object> first = cold.get(0);
    line("Cold: the very first open + list in a fresh JVM (`-cp` with both libraries, only one used), class loading");
    line("and interpreted code included, and for Kernel making its default engine; the median of " + first.get("runs")
        + " JVMs per library,");
    line("taking turns, on `" + first.get("table") + "`. *JVM start to listed*: from the JVM's start time to the end");
    line("of that first list.");
    line();
    line("| library | first open + list ms | JVM start to listed ms |");
    line("|---|---|---|");
    for (Map<String, Object> r : cold) {
      String name = Report.LIBRARY_NAMES.getOrDefault((String) r.get("library"), (String) r.get("library"));
      if (Report.ok(r)) {
        line("| " + name + " | " + Report.ms(r) + " | " + String.format(Locale.ROOT, "%.0f",
            ((Number) r.get("sinceJvmStartMs")).doubleValue()) + " |");
      } else {
        line("| " + name + " | n/a: " + String.valueOf(r.get("error")).replace("|", "\\|") + " | |");
      }
    }
    line();
  }

  /** Why a table was not compared: the wrong answer, or each library's error. */
  private String errors(String table) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> e : byTable.get(table).entrySet()) {
      Map<String, Object> r = e.getValue();
      String error = String.valueOf(r.get("error")).replace("|", "\\|");
      if ("wrong".equals(r.get("status"))) {
        return error; // the same on both libraries' lines
      }
      if (!Report.ok(r)) {
        out.add(Report.LIBRARY_NAMES.getOrDefault(e.getKey(), e.getKey()) + ": " + error);
      }
    }
    return String.join("; ", out);
  }

  private double millis(String table, String library) {
    return ((Number) byTable.get(table).get(library).get("medianMs")).doubleValue();
  }

  private double ratio(String table) {
    return millis(table, "delta4j") / millis(table, "kernel");
  }

  private void line(String s) {
    md.append(s).append('\n');
  }

  private void line() {
    md.append('\n');
  }
}
