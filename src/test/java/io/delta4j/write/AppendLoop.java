package io.delta4j.write;

import io.delta4j.ChildJvm;
import io.delta4j.StorageOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link AppendLoopMain} on the test's class path, and the commits it has
 * reported so far (read from its output by a thread of its own, so they are known up to the moment
 * it dies).
 */
final class AppendLoop {
  /** One commit the child reported: its version and the ids it added, {@code [firstId, endId)}. */
  record Reported(long version, long firstId, long endId) {}

  private final Process process;
  private final Path stderr;
  private final List<Reported> reported = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private AppendLoop(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::readOutput, "append-loop-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the child on a local table; its error output (logging) goes to {@code stderr}. */
  static AppendLoop start(Path table, String partition, long firstId, int commits, int rowsPerCommit, Path stderr)
      throws IOException {
    return start(table.toString(), StorageOptions.none(), partition, firstId, commits, rowsPerCommit, stderr);
  }

  /** Starts the child on the table at {@code location}, opened with {@code options}. */
  static AppendLoop start(String location, StorageOptions options, String partition, long firstId, int commits,
      int rowsPerCommit, Path stderr) throws IOException {
    List<String> properties = new ArrayList<>();
    options.values().forEach((k, v) -> properties.add("-D" + AppendLoopMain.STORAGE_OPTION_PREFIX + k + "=" + v));
    Process process = ChildJvm.command(properties, AppendLoopMain.class,
            List.of(location, partition, Long.toString(firstId), Integer.toString(commits), Integer.toString(rowsPerCommit)))
        .redirectError(stderr.toFile())
        .start();
    return new AppendLoop(process, stderr);
  }

  /** The commits reported so far. */
  List<Reported> reported() {
    return List.copyOf(reported);
  }

  /** What the child wrote to its error output (its log), for failure messages. */
  String errorOutput() {
    try {
      return Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + stderr + ": " + e + ")";
    }
  }

  /** Waits until the child has reported {@code commits} commits or exited; false when it timed out. */
  boolean awaitReported(int commits, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (reported.size() < commits && process.isAlive()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }

  /**
   * Kills the child with SIGKILL (no shutdown hooks, no flushing) and waits for it and for the rest
   * of its output. Through its handle: {@code Process.destroyForcibly} would also close the pipe,
   * losing reports not read yet.
   */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor();
    reader.join(10_000);
  }

  /** Waits for the child to exit; returns its exit code. */
  int await(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      kill();
      throw new AssertionError("the child did not finish in " + timeoutSeconds + " s");
    }
    reader.join(10_000);
    return process.exitValue();
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] parts = line.split(" ");
        // A line cut short by the kill lacks the final dot: it was not reported.
        if (parts.length == 5 && parts[0].equals("committed") && parts[4].equals(".")) {
          reported.add(new Reported(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
