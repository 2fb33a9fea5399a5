package io.delta4j.log.action;

import java.util.Objects;

/**
 * The {@code domainMetadata} action (PROTOCOL.md, "Domain Metadata"). {@code removed} marks a
 * tombstone: the domain no longer exists in snapshots at or after this version.
 */
public record DomainMetadata(String domain, String configuration, boolean removed) implements Action {
  public DomainMetadata {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(configuration, "configuration");
  }

  @Override
  public ActionType type() {
    return ActionType.DOMAIN_METADATA;
  }
}
