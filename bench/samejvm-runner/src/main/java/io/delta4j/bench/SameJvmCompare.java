package io.delta4j.bench;

import io.delta.kernel.defaults.engine.DefaultEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * delta4j and Delta Kernel in one JVM, on tables Delta Lake wrote (issue 3: "comparing
 * {@code DeltaTable.open(path).getFiles()} with Kernel's equivalent in one JVM"):
 *
 * <pre>
 * SameJvmCompare DIR... [--delta-written DIR,DIR...] [--warmup-s 10] [--table-warmup 2] [--runs 7]
 *                [--budget-s 2] [--cold-jvms 3]
 * </pre>
 *
 * Every table under each {@code DIR} is compared, and under each {@code --delta-written} directory
 * those whose commits name a Delta Lake writer ({@link ReferenceTables}). For each table, the latest
 * snapshot's files are listed by both libraries ({@link Listers}):
 *
 * <ol>
 *   <li>a first pass lists each table once with each library: a table one of them cannot read is
 *       skipped, with its error; a table on which they list different paths or versions is a wrong
 *       answer (and the exit status 2);</li>
 *   <li>more passes over all the tables, alternating the libraries, until {@code --warmup-s} is
 *       spent (at least one): the JIT compiles both libraries' common paths before any table is
 *       measured;</li>
 *   <li>per table, {@code --table-warmup} rounds, then up to {@code --runs} measured rounds (fewer
 *       once {@code --budget-s} is spent, at least three), each round delta4j then Kernel
 *       ({@link Alternation});</li>
 *   <li>the cold time on the first table both read ({@link ColdStart}), {@code --cold-jvms} fresh JVMs
 *       per library.</li>
 * </ol>
 *
 * Prints {@code RESULT} lines (workloads {@code same-jvm-open-list} and {@code same-jvm-cold}), the
 * runners' format, and exits 2 after a wrong answer, else 0.
 */
public final class SameJvmCompare {
  private static final List<String> LIBRARIES = List.of(Listers.DELTA4J, Listers.KERNEL);
  private static final long SLOW_NANOS = 500_000_000L;

  /** A table both libraries read alike: what every later run must list again. */
  private record Agreed(ReferenceTables.Table table, long version, long files) {}

  private SameJvmCompare() {}

  public static void main(String[] args) throws Exception {
    Options o = new Options(args);
    if (o.get("cold-child", null) != null) {
      ColdStart.child(o.require("cold-child"), o.arg(0, "table"));
      System.exit(0);
    }
    List<ReferenceTables.Table> tables = new ArrayList<>();
    for (String dir : o.positional()) {
      tables.addAll(ReferenceTables.find(Path.of(dir), false));
    }
    String deltaWritten = o.get("delta-written", "");
    for (String dir : deltaWritten.isEmpty() ? new String[0] : deltaWritten.split(",")) {
      tables.addAll(ReferenceTables.find(Path.of(dir), true));
    }
    System.err.printf("same-jvm: %d tables%n", tables.size());
    List<Listers.Lister> listers = List.of(Listers.delta4j(), Listers.kernel(DefaultEngine.create(new Configuration())));
    boolean wrong = false;

    List<Agreed> agreed = new ArrayList<>();
    Set<Agreed> slow = new HashSet<>();
    long start = System.nanoTime();
    for (ReferenceTables.Table t : tables) {
      wrong |= !firstPass(t, listers, agreed, slow);
    }
    double firstPassS = (System.nanoTime() - start) / 1e9;
    int passes = warmUp(agreed, slow, listers, Double.parseDouble(o.get("warmup-s", "10")));
    System.err.printf("same-jvm: %d tables read alike; first pass %.1f s, then %d warm-up passes, %.1f s%n",
        agreed.size(), firstPassS, passes, (System.nanoTime() - start) / 1e9 - firstPassS);

    Alternation alternation = new Alternation(Double.parseDouble(o.get("budget-s", "2")));
    for (Agreed a : agreed) {
      wrong |= !measure(a, listers, alternation, o.getInt("table-warmup", 2), o.getInt("runs", 7));
    }
    if (!agreed.isEmpty()) {
      Agreed first = agreed.get(0);
      for (Map<String, Object> line : ColdStart.measure(first.table().label(), first.table().dir(), first.version(),
          first.files(), o.getInt("cold-jvms", 3))) {
        print(line);
      }
    }
    System.out.flush();
    // Kernel's and Hadoop's thread pools may keep the JVM alive.
    System.exit(wrong ? 2 : 0);
  }

  /**
   * Lists the table once with each library and adds it to {@code agreed} when both read it alike
   * (and to {@code slow} when that took over {@link #SLOW_NANOS}). Prints the error of a library
   * that cannot read it, or the wrong answer when they differ (then returns false).
   */
  private static boolean firstPass(ReferenceTables.Table t, List<Listers.Lister> listers, List<Agreed> agreed,
      Set<Agreed> slow) {
    List<Listers.Listing> listings = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < listers.size(); i++) {
      try {
        listings.add(listers.get(i).list(t.dir().toString()));
      } catch (Throwable e) {
        print(line(t, LIBRARIES.get(i), "error", "cannot read the table: " + RunnerMain.describe(e)));
      }
    }
    if (listings.size() < listers.size()) {
      return true;
    }
    String difference = PathDifference.describe(listings.get(0), listings.get(1));
    if (difference != null) {
      for (String library : LIBRARIES) {
        print(line(t, library, "wrong", difference));
      }
      System.err.println("same-jvm: WRONG ANSWER on " + t.label() + ": " + difference);
      return false;
    }
    Agreed a = new Agreed(t, listings.get(0).version(), listings.get(0).paths().size());
    agreed.add(a);
    if (System.nanoTime() - t0 > SLOW_NANOS) {
      slow.add(a);
    }
    return true;
  }

  /**
   * Lists every table with each library, pass after pass, for at least {@code seconds}; returns the
   * number of passes. The {@code slow} tables, and those whose listing takes over
   * {@link #SLOW_NANOS} in a pass, are left out: they would spend the warm-up on one case (Kernel
   * retries a corrupt {@code _last_checkpoint} for 3 s) rather than on the code all tables share.
   */
  private static int warmUp(List<Agreed> agreed, Set<Agreed> slow, List<Listers.Lister> listers, double seconds)
      throws Exception {
    long start = System.nanoTime();
    int passes = 0;
    while (passes == 0 || System.nanoTime() - start < seconds * 1e9) {
      for (Agreed a : agreed) {
        if (slow.contains(a)) {
          continue;
        }
        for (Listers.Lister l : listers) {
          long t0 = System.nanoTime();
          l.list(a.table().dir().toString());
          if (System.nanoTime() - t0 > SLOW_NANOS) {
            slow.add(a);
          }
        }
      }
      passes++;
    }
    return passes;
  }

  /** Measures one table; false after a wrong answer. */
  private static boolean measure(Agreed a, List<Listers.Lister> listers, Alternation alternation, int warmup, int runs) {
    String dir = a.table().dir().toString();
    List<Workload> workloads = new ArrayList<>();
    for (Listers.Lister l : listers) {
      workloads.add(() -> {
        Listers.Listing listing = l.list(dir);
        return new Outcome(null, listing.paths().size(), listing.version());
      });
    }
    Measure.Check check = out -> {
      if (out.files() != a.files() || out.version() != a.version()) {
        throw new RunnerMain.WrongAnswer("listed " + out.files() + " files at version " + out.version()
            + ", the first pass " + a.files() + " at " + a.version());
      }
    };
    OtherLoad load = new OtherLoad();
    try {
      List<Measure.Result> results = alternation.run(workloads, warmup, runs, check);
      OptionalDouble others = load.othersShare();
      for (int i = 0; i < LIBRARIES.size(); i++) {
        Map<String, Object> line = line(a.table(), LIBRARIES.get(i), "ok", null);
        line.put("version", a.version());
        line.put("files", a.files());
        RunnerMain.putTimes(line, results.get(i));
        line.put("othersCpuShare", others.isPresent() ? Math.round(others.getAsDouble() * 100) / 100.0 : null);
        print(line);
      }
      return true;
    } catch (RunnerMain.WrongAnswer e) {
      for (String library : LIBRARIES) {
        print(line(a.table(), library, "wrong", e.getMessage()));
      }
      return false;
    } catch (Exception e) {
      for (String library : LIBRARIES) {
        print(line(a.table(), library, "error", RunnerMain.describe(e)));
      }
      return true;
    }
  }

  private static Map<String, Object> line(ReferenceTables.Table t, String library, String status, String error) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("workload", SameJvmSection.WORKLOAD);
    line.put("library", library);
    line.put("table", t.label());
    line.put("status", status);
    if (error != null) {
      line.put("error", error);
    }
    return line;
  }

  private static void print(Map<String, Object> line) {
    System.out.println(RunnerMain.PREFIX + Json.write(line));
  }
}
