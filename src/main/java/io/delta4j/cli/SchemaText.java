package io.delta4j.cli;

import io.delta4j.types.SchemaDdl;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructType;
import picocli.CommandLine;

/** The {@code --schema} of {@code create}: Delta's schema JSON, or a DDL list such as {@code id long, name string}. */
final class SchemaText {
  private SchemaText() {}

  /**
   * JSON when the text starts with {@code {}, else DDL.
   *
   * @throws CommandLine.TypeConversionException naming the problem (picocli reports it as a bad option value)
   */
  static StructType parseSchema(String text) {
    try {
      return text.strip().startsWith("{") ? SchemaJson.parse(text) : SchemaDdl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /** picocli's hook for {@code --schema}. */
  static final class Converter implements CommandLine.ITypeConverter<StructType> {
    @Override
    public StructType convert(String value) {
      return parseSchema(value);
    }
  }
}
