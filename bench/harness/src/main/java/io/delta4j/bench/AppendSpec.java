package io.delta4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The {@code append-1m} workload's data, the same in every runner: an unpartitioned table of five
 * columns, {@code id long, n int, x double, s string, d date}, all nullable, none null. Row
 * {@code i} (0-based) holds the values of the methods below, so both libraries write exactly the
 * same rows, generated on the fly inside the timed part, and a reader can check the row count and
 * the sum of {@code id}.
 */
public final class AppendSpec {
  /** The column names, in schema order. */
  public static final String[] COLUMNS = {"id", "n", "x", "s", "d"};
  /** Where each run's table goes, under the directory the runner is given. */
  public static final String TABLE_DIR = "table";
  /** 2024-01-01 in days since the epoch. */
  private static final int FIRST_DAY = 19_723;

  private AppendSpec() {}

  public static long id(long i) {
    return i;
  }

  /** Spread over 0..99,999 (a multiplicative hash), so min/max statistics are not trivial. */
  public static int n(long i) {
    return (int) (((i * 2654435761L) >>> 7) % 100_000);
  }

  /** Exact binary fractions: no rounding question between the libraries. */
  public static double x(long i) {
    return (i % 100_000) / 8.0;
  }

  /** Ten characters, {@code row-100000} to {@code row-999999}. */
  public static String s(long i) {
    return "row-" + (100_000 + i % 900_000);
  }

  /** Days since the epoch: the year 2024, day by day. */
  public static int days(long i) {
    return FIRST_DAY + (int) (i % 366);
  }

  /** The sum of {@code id} over {@code rows} rows. */
  public static long idSum(long rows) {
    return rows * (rows - 1) / 2;
  }

  /** {@code dir}, deleted with everything in it and made again, empty. */
  public static Path freshDirectory(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(p);
          }
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
