package io.delta4j.bench;

import java.time.LocalDate;

/**
 * The synthetic tables of issue 3, sizes and shapes in one place (the generator, run.sh and the
 * report all take them from here, through the descriptor the generator writes).
 *
 * <ul>
 *   <li>a: {@code commits} commits of {@code filesPerCommit} files, one date partition per commit,
 *       a classic checkpoint at the last of them, then {@code tailCommits} JSON commits that each
 *       remove {@code tailFiles} files of one date and add as many (the file count stays);</li>
 *   <li>b: one file per commit, no checkpoint, 100 dates;</li>
 *   <li>c: like a, ten times the files, a V2 checkpoint with sidecars, no commit after it;</li>
 *   <li>d: the scan table: real Parquet data files ({@code id long, value long}, {@code rowsPerFile}
 *       rows each), {@code commits} commits of {@code filesPerCommit} files, unpartitioned, no
 *       checkpoint.</li>
 * </ul>
 *
 * @param checkpointVersion the version checkpointed, or -1 for none
 * @param rowsPerFile rows in each data file, or 0 when only the log is written
 */
public record TableSpec(
    String id,
    String name,
    String description,
    int commits,
    int filesPerCommit,
    long checkpointVersion,
    boolean v2Checkpoint,
    int tailCommits,
    int tailFiles,
    long rowsPerFile) {

  public static final LocalDate FIRST_DATE = LocalDate.of(2024, 1, 1);
  public static final int DATES = 100;
  /** The partition the filter workload asks for. */
  public static final int FILTER_DATE_INDEX = 42;

  public static TableSpec of(String id, boolean quick) {
    return switch (id) {
      case "a" -> quick
          ? new TableSpec("a", "a-10k", "10,000 files in 100 date partitions, classic checkpoint at v99, 10 JSON commits after it",
              100, 100, 99, false, 10, 5, 0)
          : new TableSpec("a", "a-100k", "100,000 files in 100 date partitions, classic checkpoint at v99, 10 JSON commits after it",
              100, 1_000, 99, false, 10, 5, 0);
      case "b" -> quick
          ? new TableSpec("b", "b-1k-commits", "1,000 JSON commits of one file each, 100 date partitions, no checkpoint",
              1_000, 1, -1, false, 0, 0, 0)
          : new TableSpec("b", "b-10k-commits", "10,000 JSON commits of one file each, 100 date partitions, no checkpoint",
              10_000, 1, -1, false, 0, 0, 0);
      case "c" -> quick
          ? new TableSpec("c", "c-100k-v2", "100,000 files in 100 date partitions, V2 checkpoint with sidecars at v99 (the latest)",
              100, 1_000, 99, true, 0, 0, 0)
          : new TableSpec("c", "c-1m-v2", "1,000,000 files in 100 date partitions, V2 checkpoint with sidecars at v99 (the latest)",
              100, 10_000, 99, true, 0, 0, 0);
      case "d" -> quick
          ? new TableSpec("d", "d-1m-rows", "1,000,000 rows (id long, value long) in 20 snappy Parquet files, 2 commits, unpartitioned",
              2, 10, -1, false, 0, 0, 50_000)
          : new TableSpec("d", "d-10m-rows", "10,000,000 rows (id long, value long) in 20 snappy Parquet files, 2 commits, unpartitioned",
              2, 10, -1, false, 0, 0, 500_000);
      default -> throw new IllegalArgumentException("unknown table id " + id + " (a, b, c or d)");
    };
  }

  /** Whether the table has data files (table d); the others are log only. */
  public boolean hasData() {
    return rowsPerFile > 0;
  }

  public long rows() {
    return filesAt(latestVersion()) * rowsPerFile;
  }

  /** The {@code value} column of row {@code id} of table d: deterministic, 0..999. */
  public static long value(long id) {
    return (id * 2_654_435_761L >>> 7) % 1_000;
  }

  /** The last version written before the checkpoint is taken (all versions when there is none). */
  public long headVersion() {
    return commits - 1L;
  }

  public long latestVersion() {
    return headVersion() + tailCommits;
  }

  public long middleVersion() {
    return latestVersion() / 2;
  }

  /** Live files at {@code version}: every commit up to the head adds; tail commits keep the count. */
  public long filesAt(long version) {
    return (Math.min(version, headVersion()) + 1) * filesPerCommit;
  }

  /** The date partition (index from {@link #FIRST_DATE}) of the files commit {@code version} adds. */
  public int dateIndexOf(long version) {
    return (int) (version * DATES / commits);
  }

  public static String date(int index) {
    return FIRST_DATE.plusDays(index).toString();
  }

  public String filterValue() {
    return date(FILTER_DATE_INDEX);
  }

  /** Files of the filter's date at the latest version (tail commits keep each date's count). */
  public long filterFiles() {
    long count = 0;
    for (long v = 0; v <= headVersion(); v++) {
      if (dateIndexOf(v) == FILTER_DATE_INDEX) {
        count += filesPerCommit;
      }
    }
    return count;
  }
}
