package io.delta4j.data;

import io.delta4j.log.action.Format;
import org.apache.parquet.schema.GroupType;

/**
 * {@code metaData.format} (PROTOCOL.md, "Format Specification"). A null format or provider reads
 * as {@code parquet}, the only format Delta has ever used, as the reference reader does.
 */
final class FormatConverter extends StructConverter {
  private final StringValue provider = new StringValue();
  private final StringMapConverter options = new StringMapConverter();
  private Format value;

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "provider" -> provider;
      case "options" -> options;
      default -> null;
    };
  }

  @Override
  protected void complete() {
    String p = provider.get();
    value = new Format(p == null ? "parquet" : p, options.get());
  }

  Format get() {
    return isPresent() ? value : Format.parquet();
  }
}
