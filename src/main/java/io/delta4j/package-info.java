/**
 * delta4j's public facade: {@link io.delta4j.DeltaTable} opens a table, {@link io.delta4j.Snapshot}
 * is one immutable version of it, and the exceptions (all extending {@link
 * io.delta4j.DeltaException}) say what went wrong. Public API packages: this one,
 * {@code io.delta4j.log.action} (the action records), {@code io.delta4j.types} (the schema model)
 * and {@code io.delta4j.storage} (the storage SPI). The others are internal and may change.
 */
package io.delta4j;
