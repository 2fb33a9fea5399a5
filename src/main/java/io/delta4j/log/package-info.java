/**
 * Internal: the transaction log. File names ({@link io.delta4j.log.LogFileNames}), the segment of
 * a version ({@link io.delta4j.log.LogSegmentBuilder}), replay into a state ({@link
 * io.delta4j.log.LogReplay}), history and timestamps ({@link io.delta4j.log.LogHistory}), the
 * streaming action parser and writer, and the reader feature gate ({@link
 * io.delta4j.log.TableFeatures}). Public only so that the facade can use it; may change.
 */
package io.delta4j.log;
