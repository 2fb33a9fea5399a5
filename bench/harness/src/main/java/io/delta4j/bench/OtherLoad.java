package io.delta4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * How much of the machine other processes used while a runner ran: the machine's busy CPU time
 * (Linux {@code /proc/stat}, steal included) minus this JVM's own CPU time, as a share of all
 * cores over the wall time. The load average would not do: it counts this JVM's own threads
 * (delta4j reads commits on many threads), and it lags by a minute.
 */
final class OtherLoad {
  /** {@code /proc/stat} counts in USER_HZ, 100 on every Linux that matters here. */
  private static final double TICKS_PER_SECOND = 100;

  private final long startNanos = System.nanoTime();
  private final long startBusyTicks = busyTicks();
  private final long startOwnCpuNanos = ownCpuNanos();

  /** The share (0..1) of all cores other processes used since construction; empty off Linux. */
  OptionalDouble othersShare() {
    long busy = busyTicks();
    long own = ownCpuNanos();
    if (busy < 0 || startBusyTicks < 0 || own < 0) {
      return OptionalDouble.empty();
    }
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double machineBusy = (busy - startBusyTicks) / TICKS_PER_SECOND;
    double ownCpu = (own - startOwnCpuNanos) / 1e9;
    int cpus = Runtime.getRuntime().availableProcessors();
    return OptionalDouble.of(Math.max(0, (machineBusy - ownCpu) / (wall * cpus)));
  }

  /** user + nice + system + irq + softirq + steal of the "cpu" line; -1 when unreadable. */
  private static long busyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += i < f.length ? Long.parseLong(f[i]) : 0;
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** This JVM's CPU time so far (all threads); -1 when the JVM cannot tell. */
  static long ownCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
