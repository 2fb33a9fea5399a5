/**
 * Internal: the change data feed (PROTOCOL.md, "Add CDC File", "Change Data Files"). {@link
 * io.delta4j.cdf.ChangeRange} checks a version range against the log, {@link
 * io.delta4j.cdf.ChangePlanner} turns its commits into the data files to read and how ({@link
 * io.delta4j.cdf.ChangeFile}), and {@link io.delta4j.cdf.ChangeScan} reads them as rows with the
 * change columns. The public face is {@code io.delta4j.TableChanges}; this package may change.
 */
package io.delta4j.cdf;
