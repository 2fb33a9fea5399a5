package io.delta4j.bench;

/**
 * What one execution of a workload produced.
 *
 * @param held what a caller keeps after opening: the snapshot (and table/log object), measured
 *     for retained heap. The listed files are not held: they are the caller's data, and every
 *     library would retain the same strings.
 * @param files how many files the workload listed (checked against the table's expected count)
 * @param version the snapshot version the workload read
 */
public record Outcome(Object held, long files, long version) {}
