/** Internal: small JSON helpers shared across packages (one Jackson factory, free-form values). */
package io.delta4j.util;
