package io.delta4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The cold time: a library's very first open + list in a fresh JVM, class loading and
 * interpreted code included (for Kernel, making its default engine too: an application needs one
 * before its first read). Each measurement is its own JVM ({@code SameJvmCompare --cold-child}),
 * started with this JVM's flags and classpath, which loads only the one library it times; the
 * libraries take turns, and the line gives the median over the JVMs.
 */
final class ColdStart {
  private static final String CHILD_PREFIX = "COLD ";

  private ColdStart() {}

  /** In the child JVM: one open + list, timed, printed as {@code COLD {json}}. */
  static void child(String library, String table) throws Exception {
    long t0 = System.nanoTime();
    Listers.Listing listing = Listers.create(library).list(table);
    long t1 = System.nanoTime();
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ms", (t1 - t0) / 1e6);
    line.put("sinceJvmStartMs", sinceStart);
    line.put("files", listing.paths().size());
    line.put("version", listing.version());
    System.out.println(CHILD_PREFIX + Json.write(line));
  }

  /**
   * {@code jvms} fresh JVMs per library, in turns (delta4j, Kernel, delta4j, ...) on {@code table};
   * one {@code RESULT} line per library: median, min and max of the first open + list, and the
   * median time from the JVM's start to the end of that first list.
   */
  static List<Map<String, Object>> measure(String label, Path table, long expectVersion, long expectFiles, int jvms)
      throws Exception {
    List<String> libraries = List.of(Listers.DELTA4J, Listers.KERNEL);
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    Map<String, List<Double>> sinceStart = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (int i = 0; i < jvms; i++) {
      for (String library : libraries) {
        if (errors.containsKey(library)) {
          continue;
        }
        try {
          Map<String, Object> child = runChild(library, table);
          long files = ((Number) child.get("files")).longValue();
          long version = ((Number) child.get("version")).longValue();
          if (files != expectFiles || version != expectVersion) {
            throw new RunnerMain.WrongAnswer("a fresh JVM listed " + files + " files at version " + version
                + ", the warm one " + expectFiles + " at " + expectVersion);
          }
          millis.computeIfAbsent(library, l -> new ArrayList<>()).add(((Number) child.get("ms")).doubleValue());
          sinceStart.computeIfAbsent(library, l -> new ArrayList<>())
              .add(((Number) child.get("sinceJvmStartMs")).doubleValue());
        } catch (Exception e) {
          errors.put(library, RunnerMain.describe(e));
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (String library : libraries) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("workload", SameJvmSection.COLD);
      line.put("library", library);
      line.put("table", label);
      if (errors.containsKey(library)) {
        line.put("status", "error");
        line.put("error", errors.get(library));
      } else {
        line.put("status", "ok");
        line.put("files", expectFiles);
        line.put("version", expectVersion);
        RunnerMain.putTimes(line, new Measure.Result(millis.get(library), List.of(), -1, OptionalLong.empty(), null, 0, 0));
        line.put("sinceJvmStartMs", RunnerMain.round(Measure.Result.median(sinceStart.get(library))));
      }
      line.put("jvm", String.join(" ", jvmFlags()));
      out.add(line);
    }
    return out;
  }

  private static Map<String, Object> runChild(String library, Path table) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SameJvmCompare.class.getName(),
        "--cold-child", library, table.toString()));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(CHILD_PREFIX)) {
          result = line.substring(CHILD_PREFIX.length());
        }
      }
    }
    int exit = p.waitFor();
    if (result == null) {
      throw new IllegalStateException("the cold " + library + " JVM printed no result (exit " + exit + ")");
    }
    return Json.parse(result);
  }

  private static List<String> jvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments();
  }
}
