/** The {@code delta4j} command-line tool, built on the public API only. */
package io.delta4j.cli;
