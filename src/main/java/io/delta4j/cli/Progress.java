package io.delta4j.cli;

import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The progress bar of a long write, on stderr, measured in bytes of the input read. Shown only
 * when the tool runs on a terminal ({@code System.console()}: stdin and stdout both terminals),
 * and only once {@value #EVERY} rows have been read, so short writes and piped output stay quiet.
 */
final class Progress implements AutoCloseable {
  /** Rows between updates: cheap enough not to slow a write, frequent enough to move. */
  static final int EVERY = 10_000;
  private static final long MIB = 1 << 20;

  private final Supplier<ProgressBarBuilder> bar;
  private RowSource source;
  private ProgressBar shown;

  /** {@code bar}: how to build the bar when it is first needed; null for no bar. */
  Progress(Supplier<ProgressBarBuilder> bar) {
    this.bar = bar;
  }

  /** The progress of {@code task} (e.g. {@code append}) over an input of {@code size} bytes, if known. */
  static Progress onTerminal(String task, OptionalLong size) {
    if (System.console() == null) {
      return new Progress(null);
    }
    return new Progress(() -> new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(size.orElse(-1)) // unknown for stdin: the bar shows bytes read only
        .setUnit(" MiB", MIB));
  }

  /** The records of {@code rows}, read through this progress: every {@value #EVERY} records the bar moves. */
  Iterable<Map<String, Object>> track(RowSource rows) {
    if (bar == null) {
      return rows;
    }
    source = rows;
    return () -> new Iterator<>() {
      private final Iterator<Map<String, Object>> it = rows.iterator();
      private long n;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Map<String, Object> next() {
        Map<String, Object> row = it.next();
        if (++n % EVERY == 0) {
          if (shown == null) {
            shown = bar.get().build();
          }
          shown.stepTo(rows.bytesRead());
        }
        return row;
      }
    };
  }

  /** Ends the bar (if it was shown) where the reading ended. */
  @Override
  public void close() {
    if (shown != null) {
      shown.stepTo(source.bytesRead());
      shown.close();
      shown = null;
    }
  }
}
