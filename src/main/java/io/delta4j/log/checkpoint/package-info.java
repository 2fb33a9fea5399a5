/**
 * Internal: reading checkpoint files (classic, multi-part, V2 with sidecars) with only the needed
 * Parquet columns, and the {@code _last_checkpoint} hint with its JSON checksum.
 */
package io.delta4j.log.checkpoint;
