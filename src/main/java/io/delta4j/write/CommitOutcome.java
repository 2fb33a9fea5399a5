package io.delta4j.write;

import java.util.OptionalLong;

/**
 * The version and attempts of a commit.
 *
 * @param version the version it became
 * @param attempts how many versions were tried
 * @param inCommitTimestamp its in-commit timestamp, when it has one
 */
public record CommitOutcome(long version, int attempts, OptionalLong inCommitTimestamp) {}
