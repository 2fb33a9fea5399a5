/**
 * Internal: small helpers shared across packages (one Jackson factory, free-form JSON values,
 * the interval strings of table properties, a look-ahead iterator).
 */
package io.delta4j.util;
