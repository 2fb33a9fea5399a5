/**
 * Public API: the actions of the Delta transaction log as immutable records (PROTOCOL.md,
 * "Actions"), under the sealed {@link io.delta4j.log.action.Action}. Absent optional fields are
 * {@code Optional} or empty collections, never null; partition value maps may hold null values,
 * which mean a null partition.
 */
package io.delta4j.log.action;
