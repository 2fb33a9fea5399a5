package io.delta4j;

import java.util.Set;

/** The table needs protocol versions or table features that delta4j does not implement. */
public final class UnsupportedTableFeatureException extends DeltaException {
  private final Set<String> unsupportedFeatures;

  public UnsupportedTableFeatureException(String table, Set<String> unsupportedFeatures, String message) {
    super(table, message);
    this.unsupportedFeatures = Set.copyOf(unsupportedFeatures);
  }

  /** The feature names (or {@code readerVersion=N}) that are missing; never empty. */
  public Set<String> unsupportedFeatures() {
    return unsupportedFeatures;
  }
}
