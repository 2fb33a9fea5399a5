package io.delta4j.log;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared pool for concurrent log reads. Daemon threads, so an application that forgets to
 * close a table still exits; sized for I/O latency (object stores), not for CPU count. The size
 * can be set with the system property {@code delta4j.ioThreads}.
 */
final class IoExecutor {
  private static final int THREADS = Integer.getInteger("delta4j.ioThreads", 16);

  private IoExecutor() {}

  private static final class Holder {
    static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, daemonThreads());
  }

  static ExecutorService get() {
    return Holder.POOL;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "delta4j-io-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
