package io.delta4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.junit.jupiter.api.Test;

/** The bar appears only on a terminal and only for large inputs, and ends at the bytes read. */
class ProgressTest {
  private static final StructType SCHEMA = StructType.of(new StructField("id", PrimitiveType.LONG, true));

  private static RowSource rows(int n) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append("{\"id\":").append(i).append("}\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    return new JsonlRows("in", new CountingInputStream(new ByteArrayInputStream(bytes)), SCHEMA);
  }

  /** Renders the bar into {@code lines} instead of the terminal. */
  private static Progress recorded(List<String> lines, long size) {
    return new Progress(() -> new ProgressBarBuilder().setTaskName("append").setInitialMax(size)
        .setConsumer(new DelegatingProgressBarConsumer(lines::add, 100)));
  }

  private static long count(Iterable<Map<String, Object>> rows) {
    long n = 0;
    for (Map<String, Object> ignored : rows) {
      n++;
    }
    return n;
  }

  @Test
  void withoutATerminalTheRowsPassUntouched() throws IOException {
    assumeTrue(System.console() == null, "run without a terminal (as build tools do)");
    try (RowSource rows = rows(1); Progress progress = Progress.onTerminal("append", OptionalLong.of(10))) {
      assertSame(rows, progress.track(rows));
    }
  }

  @Test
  void aLargeInputMovesTheBarToItsEnd() throws IOException {
    List<String> lines = new CopyOnWriteArrayList<>();
    long size;
    try (RowSource rows = rows(25_000); Progress progress = recorded(lines, 1)) {
      assertEquals(25_000, count(progress.track(rows)));
      size = rows.bytesRead();
      progress.close();
      String last = lines.get(lines.size() - 1);
      assertTrue(last.startsWith("append 100%") && last.contains(size + "/" + size), last);
    }
  }

  @Test
  void aSmallInputShowsNothing() throws IOException {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (RowSource rows = rows(Progress.EVERY - 1); Progress progress = recorded(lines, 1)) {
      assertEquals(Progress.EVERY - 1, count(progress.track(rows)));
    }
    assertEquals(List.of(), lines);
  }
}
