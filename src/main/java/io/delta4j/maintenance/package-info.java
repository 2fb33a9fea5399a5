/**
 * Internal: table maintenance behind {@link io.delta4j.DeltaTable#vacuum} and
 * {@link io.delta4j.DeltaTable#cleanupLog()}. {@link io.delta4j.maintenance.Vacuum} deletes the
 * files under the table root that no version within retention needs; {@link
 * io.delta4j.maintenance.LogCleanup} deletes the log files of expired versions.
 */
package io.delta4j.maintenance;
