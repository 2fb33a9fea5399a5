package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.Row;
import io.delta4j.types.StructType;
import io.delta4j.util.Json;
import java.io.IOException;
import java.io.PrintWriter;

/** {@code jsonl}: one compact JSON object per row and line, keys in schema order (see {@link CellValues}). */
final class JsonlOutput extends RowOutput {
  private final JsonGenerator gen;

  JsonlOutput(PrintWriter out, StructType schema) throws IOException {
    super(out, schema);
    gen = Json.FACTORY.createGenerator(out);
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    gen.setRootValueSeparator(null); // lines end with '\n', written after each row
  }

  @Override
  void row(Row row) throws IOException {
    CellValues.writeStruct(gen, schema, row);
    gen.writeRaw('\n');
  }

  @Override
  void flush() throws IOException {
    gen.flush();
  }

  @Override
  void finish(long rows) throws IOException {
    gen.close(); // flushes; the target stays open
    out.flush();
  }
}
