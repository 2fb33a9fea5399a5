package io.delta4j.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Writes docs/BENCHMARKS.md from one run's results (the runners' {@code RESULT} lines), the
 * generated tables' descriptors and the machine facts run.sh collected.
 *
 * <pre>
 * Report --results R.jsonl[,R2.jsonl...] --tables DIR[,DIR2...] --machine M.txt --command "..."
 *        --out docs/BENCHMARKS.md [--notes docs/benchmarks-notes.md]
 * </pre>
 *
 * With several result files (run.sh --merge), the last line for a (workload, library, table)
 * wins; a table's descriptor is taken from the last directory that has it.
 */
public final class Report {
  static final List<String> PEERS = List.of("kernel", "standalone");
  static final Map<String, String> LIBRARY_NAMES = Map.of(
      "delta4j", "delta4j", "kernel", "Kernel", "standalone", "Standalone", "parquet-hadoop", "Parquet baseline");
  /** Above this share of the machine used by other processes, a time is marked. */
  static final double BUSY_SHARE = 0.15;
  static final List<String> OPEN_WORKLOADS = List.of("open-list", "open-version", "open-partition-filter");
  static final String APPEND = "append-1m";

  private final List<Map<String, Object>> results = new ArrayList<>();
  private final Map<String, Properties> tables = new LinkedHashMap<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final StringBuilder md = new StringBuilder();

  public static void main(String[] args) throws IOException {
    Options o = new Options(args);
    Report r = new Report();
    List<Path> resultFiles = new ArrayList<>();
    for (String f : o.require("results").split(",")) {
      resultFiles.add(Path.of(f));
    }
    List<Path> tableDirs = new ArrayList<>();
    for (String d : o.require("tables").split(",")) {
      tableDirs.add(Path.of(d));
    }
    r.load(resultFiles, tableDirs);
    String notes = o.get("notes", null);
    String text = r.render(
        Files.readString(Path.of(o.require("machine"))),
        o.require("command"),
        notes != null && Files.exists(Path.of(notes)) ? Files.readString(Path.of(notes)) : null);
    Files.writeString(Path.of(o.require("out")), text, StandardCharsets.UTF_8);
  }

  void load(List<Path> resultsFiles, List<Path> tablesDirs) throws IOException {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Path resultsFile : resultsFiles) {
      for (String line : Files.readAllLines(resultsFile)) {
        if (!line.startsWith(RunnerMain.PREFIX)) {
          continue;
        }
        Map<String, Object> r = Json.parse(line.substring(RunnerMain.PREFIX.length()));
        if ("skipped".equals(r.get("status"))) {
          skipped.put((String) r.get("table"), (String) r.get("error"));
        } else {
          // A later file's line replaces an earlier one for the same case (run.sh --merge).
          String key = r.get("workload") + "\u0000" + r.get("library") + "\u0000" + r.get("table");
          byKey.remove(key);
          byKey.put(key, r);
          skipped.remove((String) r.get("table"));
        }
      }
    }
    results.addAll(byKey.values());
    for (String id : List.of("a", "b", "c", "d")) {
      // The descriptors of the tables the results are on, in a, b, c, d order.
      for (Map<String, Object> r : results) {
        Path p = null;
        for (Path dir : tablesDirs) {
          Path candidate = dir.resolve(r.get("table") + ".properties");
          if (Files.exists(candidate)) {
            p = candidate;
          }
        }
        if (p != null && !tables.containsKey((String) r.get("table"))) {
          Properties props = new Properties();
          try (Reader in = Files.newBufferedReader(p)) {
            props.load(in);
          }
          if (id.equals(props.getProperty("id"))) {
            tables.put((String) r.get("table"), props);
          }
        }
      }
    }
  }

  String render(String machine, String command, String notes) {
    line("# Benchmarks");
    line();
    line("delta4j against Delta Kernel and Delta Standalone, same run, same machine, same table files, each");
    line("library in its own JVM with the same flags (issue 3). Written by `bench/run.sh`; do not edit by hand.");
    line("How it measures: `bench/README.md`.");
    line();
    line("Ratios are **delta4j time / peer time**: below 1 delta4j is faster; 0.50 means twice as fast.");
    line("Times are medians of the measured runs after warm-up runs in the same JVM. Heap: *retained* is");
    line("the heap a caller keeps by holding the opened snapshot (GC-measured, the listed paths not held);");
    line("*peak* is the heap pools' peak during a run (includes uncollected garbage).");
    line();
    line("## Run");
    line();
    line("Command: `" + command + "`");
    line();
    line("```");
    md.append(machine.strip()).append('\n');
    line("```");
    line();
    loadSection();
    tablesSection();
    for (String w : OPEN_WORKLOADS) {
      workloadSection(w);
    }
    baselineSection();
    scanSection();
    appendSection();
    targetsSection();
    smokeSection();
    md.append(new SameJvmSection(results).render());
    if (notes != null) {
      md.append(notes.strip()).append('\n');
    }
    return md.toString();
  }

  /** Whether other processes shared the machine: their CPU share, as each runner measured it. */
  private void loadSection() {
    List<Double> shares = new ArrayList<>();
    int busy = 0;
    for (Map<String, Object> r : results) {
      if (!SameJvmSection.owns(r) && r.get("othersCpuShare") instanceof Number n) {
        shares.add(n.doubleValue());
        if (n.doubleValue() > BUSY_SHARE) {
          busy++;
        }
      }
    }
    if (shares.isEmpty()) {
      return;
    }
    shares.sort(null);
    double median = shares.get(shares.size() / 2);
    double max = shares.get(shares.size() - 1);
    line(String.format(Locale.ROOT, "Other processes' CPU use while the runners ran (share of all cores, measured by each"
        + " runner from `/proc/stat` minus its own CPU time): median %.0f%%, max %.0f%%.", median * 100, max * 100));
    if (busy > 0) {
      line(String.format(Locale.ROOT, "**The machine was shared**: %d of %d runner JVMs saw other processes use more than"
          + " %.0f%% of it; their times are marked `*` below and are slower and noisier than on a quiet machine.",
          busy, shares.size(), BUSY_SHARE * 100));
    }
    line();
  }

  private void tablesSection() {
    line("## Tables");
    line();
    line("Synthetic tables written by delta4j's log writer (`bench/delta4j-runner`, `GenerateTables`), each checked");
    line("with Kernel before use (version, file count at the latest and the middle version, partition-filter count).");
    line("(a), (b), (c) are only a log (the open workloads read no data file); (d), the scan table, has real data files");
    line("written with parquet-hadoop's example writer (snappy), and Kernel also scans it for the row count and sum.");
    line();
    line("| table | shape | latest version | files | log size | checkpoint written by |");
    line("|---|---|---|---|---|---|");
    for (Map.Entry<String, Properties> e : tables.entrySet()) {
      Properties p = e.getValue();
      String data = p.getProperty("dataBytes") == null ? ""
          : " (data " + mb(Long.parseLong(p.getProperty("dataBytes"))) + " MB)";
      line("| (" + p.getProperty("id") + ") `" + e.getKey() + "` | " + p.getProperty("description") + " | "
          + p.getProperty("latestVersion") + " | " + num(Long.parseLong(p.getProperty("files"))) + data + " | "
          + mb(Long.parseLong(p.getProperty("logBytes"))) + " MB | " + writerName(p.getProperty("checkpointWriter")) + " |");
    }
    for (Map.Entry<String, String> e : skipped.entrySet()) {
      line("| (" + e.getKey().charAt(0) + ") `" + e.getKey() + "` | **skipped**: " + e.getValue() + " | | | | |");
    }
    line();
  }

  private static String writerName(String w) {
    return switch (w) {
      case "delta4j" -> "delta4j `DeltaTable.checkpoint()`";
      case "kernel" -> "Kernel `Table.checkpoint` (classic; delta4j's writer not merged yet)";
      case "none" -> "(no checkpoint)";
      default -> w;
    };
  }

  private void workloadSection(String workload) {
    line("## " + workload);
    line();
    line(switch (workload) {
      case "open-list" -> "Open the latest snapshot and list every file's path. delta4j `DeltaTable.open(p).getFiles()`;"
          + " Kernel `getLatestSnapshot(engine).getScanBuilder().build().getScanFiles(engine)`, every row's `add.path`;"
          + " Standalone `DeltaLog.forTable(conf, p).update().getAllFiles()`.";
      case "open-version" -> "Open the snapshot at the middle version (latest / 2) and list its files. delta4j"
          + " `DeltaTable.open(p, v)`; Kernel `getSnapshotAsOfVersion`; Standalone `getSnapshotForVersionAsOf`"
          + " (Standalone loads the latest snapshot first: it has no other way).";
      default -> "Open the latest snapshot and list the files of one date partition (`date = 2024-02-12`)."
          + " Each library prunes with its own partition predicate: delta4j"
          + " `snapshot().scan().filter(Predicates.equal(\"date\", \"2024-02-12\")).files()`.";
    });
    line();
    line("| table | files | delta4j ms | Kernel ms | Standalone ms | delta4j/Kernel | delta4j/Standalone"
        + " | retained MB d4j / K / S | peak MB d4j / K / S |");
    line("|---|---|---|---|---|---|---|---|---|");
    for (String table : logTables()) {
      Map<String, Object> d = find(workload, table, "delta4j");
      Map<String, Object> k = find(workload, table, "kernel");
      Map<String, Object> s = find(workload, table, "standalone");
      line("| `" + table + "` | " + files(d, k, s) + " | " + ms(d) + " | " + ms(k) + " | " + ms(s) + " | "
          + ratio(d, k) + " | " + ratio(d, s) + " | " + heap(d, k, s, "retainedHeapBytes") + " | "
          + heap(d, k, s, "peakHeapBytes") + " |");
    }
    errors(workload, tables.keySet());
    line();
  }

  /** The log-only tables (a, b, c): the open workloads' rows. */
  private Set<String> logTables() {
    Set<String> out = new LinkedHashSet<>();
    tables.forEach((name, p) -> {
      if (p.getProperty("rows") == null) {
        out.add(name);
      }
    });
    return out;
  }

  private Set<String> scanTables() {
    Set<String> out = new LinkedHashSet<>(tables.keySet());
    out.removeAll(logTables());
    return out;
  }

  private void scanSection() {
    if (scanTables().isEmpty()) {
      return;
    }
    line("## scan-sum");
    line();
    line("Open the latest snapshot and read every row of one column, counting the rows and summing the column");
    line("(single-threaded, all data files). delta4j `snapshot().scan().select(\"value\").rows()`, `Row.getLong`;");
    line("Kernel (default engine) `getScanBuilder().withReadSchema(value).build()`, each scan file read with");
    line("`engine.getParquetHandler().readParquetFiles` (`ScanStateRow.getPhysicalDataReadSchema`), then");
    line("`Scan.transformPhysicalData`, summed from the batches' column vectors; Standalone");
    line("`DeltaLog.forTable(conf, p).update().open()`, `RowRecord.getLong` (it has no projection: it reads");
    line("both columns). Every library must find the generator's row count and sum, or the run fails.");
    line("**rows/s** = rows / median time; the ratio is delta4j time / peer time (below 1 delta4j is faster).");
    line();
    line("| table | rows | sum | delta4j ms | Kernel ms | Standalone ms | delta4j rows/s | Kernel rows/s"
        + " | Standalone rows/s | delta4j/Kernel | delta4j/Standalone | peak MB d4j / K / S |");
    line("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (String table : scanTables()) {
      Map<String, Object> d = find("scan-sum", table, "delta4j");
      Map<String, Object> k = find("scan-sum", table, "kernel");
      Map<String, Object> s = find("scan-sum", table, "standalone");
      Properties p = tables.get(table);
      line("| `" + table + "` | " + num(Long.parseLong(p.getProperty("rows"))) + " | "
          + num(Long.parseLong(p.getProperty("sum"))) + " | " + ms(d) + " | " + ms(k) + " | " + ms(s) + " | "
          + rowsPerS(d) + " | " + rowsPerS(k) + " | " + rowsPerS(s) + " | " + ratio(d, k) + " | " + ratio(d, s) + " | "
          + heap(d, k, s, "peakHeapBytes") + " |");
    }
    errors("scan-sum", scanTables());
    line();
  }

  /** The labels of the append results (the "table" is the case's name, not a generated table). */
  private Set<String> appendCases() {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, Object> r : results) {
      if (APPEND.equals(r.get("workload"))) {
        out.add((String) r.get("table"));
      }
    }
    return out;
  }

  private void appendSection() {
    if (appendCases().isEmpty()) {
      return;
    }
    line("## " + APPEND);
    line();
    line("One transaction appending 1,000,000 rows to a new, empty, unpartitioned table (`id long, n int, x double,");
    line("s string` of 10 characters, `d date`): the timed part opens the table, generates the rows on the fly (the");
    line("same values in both runners, from `AppendSpec`), writes them to Parquet with statistics for every column");
    line("and commits. The table is created before and read back after each run, off the clock; every run");
    line("must read back 1,000,000 rows and the sum of `id`, and Kernel must read the table delta4j wrote. delta4j");
    line("`DeltaTable.open(p).newTransaction().append(rows).commit()`, rows as `Row.of(schema, values...)` or, in the");
    line("second line, as `Map.of(name, value, ...)`; Kernel (default engine with `parquet.compression=SNAPPY`, or, in");
    line("the third line, its default: uncompressed) a `WRITE` transaction, batches of 4,096 rows in its default column");
    line("vectors, `transformLogicalData`, `getParquetHandler().writeParquetFiles`, `generateAppendActions`, `commit`.");
    line("Standalone has no data writer. **rows/s** = rows / median time; the ratio is delta4j time / Kernel time.");
    line("*CPU ms*: the median CPU time of the whole JVM (all threads, the collector's included) per run, which other");
    line("processes on the machine inflate much less than the wall time.");
    line();
    line("| case | rows | delta4j ms | Kernel ms | Standalone ms | delta4j rows/s | Kernel rows/s | delta4j/Kernel"
        + " | delta4j/Standalone | CPU ms d4j / K | files d4j / K | peak MB d4j / K |");
    line("|---|---|---|---|---|---|---|---|---|---|---|---|");
    // {delta4j workload, Kernel workload, what the line compares}
    String[][] variants = {
      {APPEND, APPEND, "delta4j rows as `Row.of`; both snappy"},
      {APPEND + "-maps", APPEND, "delta4j rows as `Map`s; both snappy"},
      {APPEND, APPEND + "-uncompressed", "delta4j `Row.of`, snappy; Kernel's default, uncompressed"},
    };
    for (String c : appendCases()) {
      Map<String, Object> s = find(APPEND, c, "standalone");
      for (String[] v : variants) {
        Map<String, Object> d = find(v[0], c, "delta4j");
        Map<String, Object> k = find(v[1], c, "kernel");
        if (d == null || k == null) {
          continue;
        }
        String rows = ok(d) ? num(((Number) d.get("rows")).longValue()) : "-";
        line("| `" + c + "` (" + v[2] + ") | " + rows + " | " + ms(d) + " | " + ms(k) + " | " + ms(s) + " | "
            + rowsPerS(d) + " | " + rowsPerS(k) + " | " + ratio(d, k) + " | " + ratio(d, s) + " | " + cpuMs(d) + " / "
            + cpuMs(k) + " | " + count(d) + " / "
            + count(k) + " | " + heapOf(d, "peakHeapBytes") + " / " + heapOf(k, "peakHeapBytes") + " |");
      }
    }
    for (String w : List.of(APPEND, APPEND + "-maps", APPEND + "-uncompressed")) {
      errors(w, appendCases());
    }
    line();
  }

  private static String rowsPerS(Map<String, Object> r) {
    if (!ok(r) || r.get("rows") == null) {
      return r == null ? "-" : "n/a";
    }
    double perS = ((Number) r.get("rows")).doubleValue() / (((Number) r.get("medianMs")).doubleValue() / 1000);
    return perS < 1e6 ? String.format(Locale.ROOT, "%.0fk", perS / 1e3) : String.format(Locale.ROOT, "%.1fM", perS / 1e6);
  }

  private void baselineSection() {
    line("## Checkpoint read baseline");
    line();
    line("parquet-hadoop alone reading the `add` column (all its fields but `stats_parsed`) of every Parquet file of");
    line("the table's checkpoint into example `Group` records, single-threaded: no listing, no JSON, no");
    line("reconciliation. Target for (c): delta4j's open + list within 2x of it.");
    line();
    line("| table | checkpoint files' adds | Parquet baseline ms | delta4j open-list ms | delta4j / baseline |");
    line("|---|---|---|---|---|");
    for (String table : tables.keySet()) {
      Map<String, Object> b = find("checkpoint-parquet", table, "parquet-hadoop");
      if (b == null) {
        continue;
      }
      Map<String, Object> d = find("open-list", table, "delta4j");
      line("| `" + table + "` | " + (ok(b) ? num(((Number) b.get("files")).longValue()) : "") + " | " + ms(b) + " | "
          + ms(d) + " | " + ratio(d, b) + " |");
    }
    errors("checkpoint-parquet", tables.keySet());
    line();
  }

  private void targetsSection() {
    line("## Targets (issue 3)");
    line();
    line("| target | table | measured | met? |");
    line("|---|---|---|---|");
    for (Map.Entry<String, Properties> e : tables.entrySet()) {
      String t = e.getKey();
      String id = e.getValue().getProperty("id");
      if (id.equals("a") || id.equals("b")) {
        target("open + list at least 2x faster than Kernel", t, ratioValue(find("open-list", t, "delta4j"), find("open-list", t, "kernel")), 0.5, "ratio");
        target("open + list at least 3x faster than Standalone", t, ratioValue(find("open-list", t, "delta4j"), find("open-list", t, "standalone")), 1 / 3.0, "ratio");
      }
      if (id.equals("c")) {
        target("open + list within 2x of reading the checkpoint's Parquet columns alone", t,
            ratioValue(find("open-list", t, "delta4j"), find("checkpoint-parquet", t, "parquet-hadoop")), 2.0, "delta4j/baseline");
      }
      if (id.equals("a")) {
        Map<String, Object> d = find("open-list", t, "delta4j");
        Map<String, Object> k = find("open-list", t, "kernel");
        if (ok(d) && ok(k) && d.get("retainedHeapBytes") != null && k.get("retainedHeapBytes") != null) {
          long dr = ((Number) d.get("retainedHeapBytes")).longValue();
          long kr = ((Number) k.get("retainedHeapBytes")).longValue();
          line("| heap retained by an opened snapshot no more than Kernel's | `" + t + "` | " + kb(dr) + " KB vs " + kb(kr)
              + " KB | " + (dr <= kr ? "yes" : "**no**") + " |");
        } else {
          line("| heap retained by an opened snapshot no more than Kernel's | `" + t + "` | not measured | - |");
        }
      }
    }
    for (String id : List.of("a", "b", "c")) {
      if (tables.values().stream().noneMatch(p -> id.equals(p.getProperty("id")))) {
        line("| open + list targets | (" + id + ") | not measured: table skipped | - |");
      }
    }
    if (scanTables().isEmpty()) {
      line("| full scan rows/s at least Kernel's | (d) | not measured in this run | - |");
    }
    for (String t : scanTables()) {
      Map<String, Object> d = find("scan-sum", t, "delta4j");
      Map<String, Object> k = find("scan-sum", t, "kernel");
      Double r = ratioValue(d, k);
      if (r == null) {
        line("| full scan rows/s at least Kernel's | `" + t + "` | not measured | - |");
      } else {
        line("| full scan rows/s at least Kernel's | `" + t + "` | " + rowsPerS(d) + " vs " + rowsPerS(k)
            + " rows/s, delta4j/Kernel time " + String.format(Locale.ROOT, "%.3f", r) + " (needs <= 1.000) | "
            + (r <= 1.0 ? "yes" : "**no**") + " |");
      }
    }
    if (appendCases().isEmpty()) {
      line("| append throughput at least Kernel's | - | not measured in this run | - |");
    }
    for (String c : appendCases()) {
      Map<String, Object> d = find(APPEND, c, "delta4j");
      Map<String, Object> k = find(APPEND, c, "kernel");
      Double r = ratioValue(d, k);
      if (r == null) {
        line("| append throughput at least Kernel's | `" + c + "` | not measured | - |");
      } else {
        line("| append throughput at least Kernel's | `" + c + "` | " + rowsPerS(d) + " vs " + rowsPerS(k)
            + " rows/s, delta4j/Kernel time " + String.format(Locale.ROOT, "%.3f", r) + " (needs <= 1.000) | "
            + (r <= 1.0 ? "yes" : "**no**") + " |");
      }
    }
    line();
  }

  private void target(String what, String table, Double ratio, double limit, String label) {
    if (ratio == null) {
      line("| " + what + " | `" + table + "` | not measured | - |");
      return;
    }
    line("| " + what + " | `" + table + "` | " + label + " " + String.format(Locale.ROOT, "%.3f", ratio) + " (needs <= "
        + String.format(Locale.ROOT, "%.3f", limit) + ") | " + (ratio <= limit ? "yes" : "**no**") + " |");
  }

  private void smokeSection() {
    Set<String> smoke = new LinkedHashSet<>();
    for (Map<String, Object> r : results) {
      String t = (String) r.get("table");
      if ("open-list".equals(r.get("workload")) && !tables.containsKey(t) && !skipped.containsKey(t)) {
        smoke.add(t);
      }
    }
    if (smoke.isEmpty()) {
      return;
    }
    line("## Smoke rows: tables written by Delta Lake");
    line();
    line("`open-list` on a few of the shared reference tables (written by Delta/Spark). They are tiny: the times");
    line("are mostly fixed costs, the rows show that the three libraries agree on the file count, not speed.");
    line();
    line("| table | files d4j / K / S | delta4j ms | Kernel ms | Standalone ms | delta4j/Kernel | delta4j/Standalone |");
    line("|---|---|---|---|---|---|---|");
    for (String t : smoke) {
      Map<String, Object> d = find("open-list", t, "delta4j");
      Map<String, Object> k = find("open-list", t, "kernel");
      Map<String, Object> s = find("open-list", t, "standalone");
      line("| `" + t + "` | " + count(d) + " / " + count(k) + " / " + count(s) + " | " + ms(d) + " | " + ms(k) + " | "
          + ms(s) + " | " + ratio(d, k) + " | " + ratio(d, s) + " |");
    }
    errors("open-list", smoke);
    line();
  }

  /** Footnotes for the cells shown as "n/a": why a library did not give a number. */
  private void errors(String workload, Set<String> tableNames) {
    List<String> notes = new ArrayList<>();
    for (Map<String, Object> r : results) {
      if (workload.equals(r.get("workload")) && tableNames.contains(r.get("table")) && !ok(r)) {
        notes.add("- " + LIBRARY_NAMES.getOrDefault((String) r.get("library"), (String) r.get("library")) + " on `"
            + r.get("table") + "`: " + r.get("status") + ": " + String.valueOf(r.get("error")).replace("|", "\\|"));
      }
    }
    if (!notes.isEmpty()) {
      line();
      notes.forEach(this::line);
    }
  }

  private Map<String, Object> find(String workload, String table, String library) {
    for (Map<String, Object> r : results) {
      if (workload.equals(r.get("workload")) && table.equals(r.get("table")) && library.equals(r.get("library"))) {
        return r;
      }
    }
    return null;
  }

  static boolean ok(Map<String, Object> r) {
    return r != null && "ok".equals(r.get("status"));
  }

  static String ms(Map<String, Object> r) {
    if (r == null) {
      return "-";
    }
    if (!ok(r)) {
      return "n/a";
    }
    boolean busy = r.get("othersCpuShare") instanceof Number n && n.doubleValue() > BUSY_SHARE;
    return String.format(Locale.ROOT, "%.1f", ((Number) r.get("medianMs")).doubleValue()) + (busy ? "*" : "");
  }

  private static String cpuMs(Map<String, Object> r) {
    return ok(r) && r.get("cpuMedianMs") instanceof Number n ? String.format(Locale.ROOT, "%.0f", n.doubleValue()) : "-";
  }

  private static Double ratioValue(Map<String, Object> d, Map<String, Object> peer) {
    if (!ok(d) || !ok(peer)) {
      return null;
    }
    return ((Number) d.get("medianMs")).doubleValue() / ((Number) peer.get("medianMs")).doubleValue();
  }

  private static String ratio(Map<String, Object> d, Map<String, Object> peer) {
    Double r = ratioValue(d, peer);
    return r == null ? "-" : String.format(Locale.ROOT, "**%.2f**", r);
  }

  private static String count(Map<String, Object> r) {
    return ok(r) ? num(((Number) r.get("files")).longValue()) : (r == null ? "-" : "n/a");
  }

  /** The file count the libraries agreed on (the runners fail a run whose count is wrong). */
  private static String files(Map<String, Object> d, Map<String, Object> k, Map<String, Object> s) {
    for (Map<String, Object> r : List.of(d == null ? Map.<String, Object>of() : d, k == null ? Map.<String, Object>of() : k,
        s == null ? Map.<String, Object>of() : s)) {
      if (ok(r)) {
        return num(((Number) r.get("files")).longValue());
      }
    }
    return "-";
  }

  private static String heap(Map<String, Object> d, Map<String, Object> k, Map<String, Object> s, String key) {
    return heapOf(d, key) + " / " + heapOf(k, key) + " / " + heapOf(s, key);
  }

  private static String heapOf(Map<String, Object> r, String key) {
    if (!ok(r) || r.get(key) == null) {
      return "-";
    }
    return mb(((Number) r.get(key)).longValue());
  }

  static String mb(long bytes) {
    double mb = bytes / 1048576.0;
    return String.format(Locale.ROOT, mb < 10 ? "%.2f" : "%.0f", mb);
  }

  static String kb(long bytes) {
    return String.format(Locale.ROOT, "%,.0f", bytes / 1024.0);
  }

  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private void line(String s) {
    md.append(s).append('\n');
  }

  private void line() {
    md.append('\n');
  }
}
