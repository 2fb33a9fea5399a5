/**
 * Internal: small helpers shared across packages (one Jackson factory, free-form JSON values,
 * the interval strings of table properties).
 */
package io.delta4j.util;
