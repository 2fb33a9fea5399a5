package io.delta4j.bench;

import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta4j.DeltaTable;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** How each library opens a table's latest snapshot and lists its live files, as in the runners' open-list. */
final class Listers {
  static final String DELTA4J = "delta4j";
  static final String KERNEL = "kernel";

  /** A latest snapshot's version and its live files' paths, as written in the log. */
  record Listing(long version, List<String> paths) {}

  /** Opens a table anew (no snapshot kept between calls) and lists its files. */
  @FunctionalInterface
  interface Lister {
    Listing list(String table) throws Exception;
  }

  private Listers() {}

  /** {@code DeltaTable.open(p).getFiles()}. */
  static Lister delta4j() {
    return p -> {
      DeltaTable table = DeltaTable.open(p);
      return new Listing(table.version(), table.getFiles());
    };
  }

  /**
   * {@code Table.forPath(engine, p).getLatestSnapshot(engine).getScanBuilder().build().getScanFiles(engine)},
   * every row's {@code add.path} ({@link KernelRunner#paths}). One engine serves every call, as an
   * application keeps one.
   */
  static Lister kernel(Engine engine) {
    return p -> {
      Snapshot s = Table.forPath(engine, p).getLatestSnapshot(engine);
      return new Listing(s.getVersion(), KernelRunner.paths(engine, s.getScanBuilder()));
    };
  }

  /** The library's lister, with what it needs made first (Kernel's default engine). */
  static Lister create(String library) {
    return switch (library) {
      case DELTA4J -> delta4j();
      case KERNEL -> kernel(DefaultEngine.create(new Configuration()));
      default -> throw new IllegalArgumentException("unknown library " + library + " (delta4j or kernel)");
    };
  }
}
