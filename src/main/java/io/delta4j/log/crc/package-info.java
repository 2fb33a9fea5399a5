/**
 * Internal: version checksum files, {@code _delta_log/<version>.crc} (PROTOCOL.md, "Version
 * Checksum File"): the {@link io.delta4j.log.crc.VersionChecksum} record, its JSON form, and its
 * computation, either in full from a snapshot or incrementally from the previous version's
 * checksum and one commit's actions ({@link io.delta4j.log.crc.VersionChecksums}). Public only so
 * that the facade and the transaction layer can use it; may change.
 */
package io.delta4j.log.crc;
