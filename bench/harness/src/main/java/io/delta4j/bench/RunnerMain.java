package io.delta4j.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The command line shared by every runner:
 *
 * <pre>
 * &lt;runner&gt; WORKLOAD TABLE_PATH [--label NAME] [--warmup N] [--warmup-s S] [--runs N] [--budget-s S]
 *          [--version V] [--filter-column C --filter-value X]
 *          [--expect-files N] [--expect-version V] [--expect-rows N --expect-sum S] [--heap true|false]
 * </pre>
 *
 * It prints exactly one line starting with {@code RESULT } followed by a JSON object, also when the
 * workload fails or the library cannot read the table ({@code "status":"error"}), and exits
 * non-zero only for a wrong answer (a file count or version that differs from the expected one).
 */
public final class RunnerMain {
  public static final String PREFIX = "RESULT ";

  /** Builds the workload for a name; null when this library does not have it. */
  public interface Factory {
    Workload create(String workload, String tablePath, Options options) throws Exception;
  }

  private RunnerMain() {}

  public static void run(String library, String libraryVersion, String[] args, Factory factory) {
    OtherLoad otherLoad = new OtherLoad();
    Options o = new Options(args);
    String workload = o.arg(0, "workload");
    String table = o.arg(1, "table path");
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("workload", workload);
    line.put("library", library);
    line.put("libraryVersion", libraryVersion);
    line.put("table", o.get("label", table));
    long expectFiles = o.getLong("expect-files", -1);
    long expectVersion = o.getLong("expect-version", -1);
    long expectRows = o.getLong("expect-rows", -1);
    String expectSum = o.get("expect-sum", null);
    int exit = 0;
    try {
      Workload w = factory.create(workload, table, o);
      if (w == null) {
        throw new UnsupportedOperationException(library + " has no workload " + workload);
      }
      Measure.Check check = out -> {
        if (expectFiles >= 0 && out.files() != expectFiles) {
          throw new WrongAnswer("listed " + out.files() + " files, expected " + expectFiles);
        }
        if (expectVersion >= 0 && out.version() != expectVersion) {
          throw new WrongAnswer("read version " + out.version() + ", expected " + expectVersion);
        }
        if (expectRows >= 0 && out.rows() != expectRows) {
          throw new WrongAnswer("read " + out.rows() + " rows, expected " + expectRows);
        }
        if (expectSum != null && out.sum() != Long.parseLong(expectSum)) {
          throw new WrongAnswer("summed " + out.sum() + ", expected " + expectSum);
        }
      };
      Measure.Result r = new Measure(o.getLong("budget-s", 60), Double.parseDouble(o.get("warmup-s", "5")))
          .run(w, o.getInt("warmup", 3), o.getInt("runs", 10), Boolean.parseBoolean(o.get("heap", "true")), check);
      line.put("status", "ok");
      line.put("version", r.last().version());
      line.put("files", r.last().files());
      if (r.last().rows() >= 0) {
        line.put("rows", r.last().rows());
        line.put("sum", r.last().sum());
        line.put("rowsPerS", Math.round(r.last().rows() / (r.median() / 1000)));
      }
      putTimes(line, r);
      line.put("peakHeapBytes", r.peakHeapBytes());
      line.put("retainedHeapBytes", r.retainedHeapBytes().isPresent() ? r.retainedHeapBytes().getAsLong() : null);
    } catch (WrongAnswer e) {
      line.put("status", "wrong");
      line.put("error", e.getMessage());
      exit = 2;
    } catch (Throwable e) {
      line.put("status", "error");
      line.put("error", describe(e));
    }
    // Other processes on the machine inflate times: the report flags runs that saw them.
    OptionalDouble others = otherLoad.othersShare();
    line.put("othersCpuShare", others.isPresent() ? Math.round(others.getAsDouble() * 100) / 100.0 : null);
    line.put("jvm", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    System.out.println(PREFIX + Json.write(line));
    System.out.flush();
    // Library thread pools (Hadoop, Kernel) may keep the JVM alive.
    System.exit(exit);
  }

  /** The timing fields of a {@code RESULT} line: warm-up, runs, median, min, max, p90 and CPU ms. */
  public static void putTimes(Map<String, Object> line, Measure.Result r) {
    line.put("warmup", r.warmups());
    line.put("warmupS", round(r.warmupMillis() / 1000));
    line.put("runs", r.millis().size());
    line.put("medianMs", round(r.median()));
    line.put("minMs", round(r.min()));
    line.put("maxMs", round(r.max()));
    line.put("p90Ms", round(r.p90()));
    line.put("cpuMedianMs", r.cpuMedian().isPresent() ? round(r.cpuMedian().getAsDouble()) : null);
  }

  /** The root cause's class and message, one line: reports show why a peer cannot read a table. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getClass().getSimpleName() + ": " + root.getMessage();
    if (root != e) {
      msg = e.getClass().getSimpleName() + " <- " + msg;
    }
    msg = msg.replaceAll("\\s+", " ");
    return msg.length() > 300 ? msg.substring(0, 300) + "..." : msg;
  }

  static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }

  /** A library listed a different number of files or version than the table has. */
  public static final class WrongAnswer extends RuntimeException {
    public WrongAnswer(String message) {
      super(message);
    }
  }
}
