package io.delta4j.log.action;

import java.util.Map;
import java.util.Objects;

/** The data file format of a table ({@code metaData.format}); always {@code parquet} today. */
public record Format(String provider, Map<String, String> options) {
  public Format {
    Objects.requireNonNull(provider, "provider");
    options = Maps.copyOf(options);
  }

  /** The format every Delta table uses. */
  public static Format parquet() {
    return new Format("parquet", Map.of());
  }
}
