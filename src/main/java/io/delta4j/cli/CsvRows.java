package io.delta4j.cli;

import io.delta4j.types.ArrayType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV (UTF-8, RFC 4180, see {@link CsvParser}) with a header row of column names (matched ignoring
 * case when no column has the exact name); columns left out of the header are null. Each field is
 * read as its column's type by {@link TextValues}. An empty field is null; {@code ""} is the empty
 * string in a string column and null in any other. Struct, array and map columns cannot be given
 * in CSV: JSON lines can hold them.
 */
final class CsvRows extends RowSource {
  private final CsvParser parser;
  private final StructType schema;
  private List<StructField> columns;

  CsvRows(String name, CountingInputStream in, StructType schema) {
    super(name, in);
    this.parser = new CsvParser(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.schema = schema;
  }

  @Override
  Map<String, Object> read() throws IOException {
    if (columns == null) {
      List<String> header = parser.next();
      if (header == null) {
        return null; // an empty input: no rows
      }
      columns = columns(header);
    }
    List<String> fields = parser.next();
    if (fields == null) {
      return null;
    }
    if (fields.size() != columns.size()) {
      throw new RowInputException(fields.size() + " fields, but the header has " + columns.size());
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      StructField column = columns.get(i);
      String text = fields.get(i);
      boolean isNull = text == null || (text.isEmpty() && column.type() != PrimitiveType.STRING);
      row.put(column.name(), isNull ? null : TextValues.parse(text, column.type(), column.name(), InputErrors.quote(text)));
    }
    return row;
  }

  private List<StructField> columns(List<String> header) {
    List<StructField> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      String given = name == null ? "" : name;
      StructField field = schema.field(given).or(() -> schema.fieldIgnoreCase(given))
          .orElseThrow(() -> InputErrors.unknownColumn(given, schema.fieldNames()));
      if (!seen.add(field.name())) {
        throw new RowInputException("the header names column \"" + field.name() + "\" twice");
      }
      if (field.type() instanceof StructType || field.type() instanceof ArrayType || field.type() instanceof MapType) {
        throw new RowInputException("column \"" + field.name() + "\" is " + field.type().simpleString()
            + ": CSV input holds only columns of simple types; use JSON lines (--format jsonl) for it");
      }
      fields.add(field);
    }
    return fields;
  }

  @Override
  long recordLine() {
    return parser.recordLine();
  }
}
