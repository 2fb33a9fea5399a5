package io.delta4j.bench;

/**
 * What one execution of a workload produced.
 *
 * @param held what a caller keeps after opening: the snapshot (and table/log object), measured
 *     for retained heap. The listed files are not held: they are the caller's data, and every
 *     library would retain the same strings.
 * @param files how many files the workload listed (checked against the table's expected count),
 *     or -1 when it lists none (the scan workload)
 * @param version the snapshot version the workload read
 * @param rows rows the workload read (the scan workload), or -1 when it reads no data
 * @param sum the sum of the scanned column (meaningful when {@code rows >= 0})
 */
public record Outcome(Object held, long files, long version, long rows, long sum) {
  public Outcome(Object held, long files, long version) {
    this(held, files, version, -1, 0);
  }
}
