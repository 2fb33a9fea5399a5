package io.delta4j.types;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.util.JsonValues;
import java.io.IOException;

/**
 * Writes a {@link DataType} in exactly the form Spark writes (PROTOCOL.md, "Schema Serialization
 * Format"): compact, keys in Spark's order, decimals as {@code "decimal(p,s)"}. Spark renders its
 * json4s tree with Jackson, so Jackson's default escaping and number forms match it byte for byte;
 * that keeps a schema we rewrite identical to the one we read.
 */
final class SchemaWriter {
  private SchemaWriter() {}

  static void write(JsonGenerator gen, DataType type) throws IOException {
    if (type instanceof PrimitiveType primitive) {
      gen.writeString(primitive.typeName());
    } else if (type instanceof DecimalType decimal) {
      gen.writeString(decimal.typeName());
    } else if (type instanceof ArrayType array) {
      gen.writeStartObject();
      gen.writeStringField("type", "array");
      gen.writeFieldName("elementType");
      write(gen, array.elementType());
      gen.writeBooleanField("containsNull", array.containsNull());
      gen.writeEndObject();
    } else if (type instanceof MapType map) {
      gen.writeStartObject();
      gen.writeStringField("type", "map");
      gen.writeFieldName("keyType");
      write(gen, map.keyType());
      gen.writeFieldName("valueType");
      write(gen, map.valueType());
      gen.writeBooleanField("valueContainsNull", map.valueContainsNull());
      gen.writeEndObject();
    } else {
      writeStruct(gen, (StructType) type); // DataType is sealed: nothing else is left
    }
  }

  private static void writeStruct(JsonGenerator gen, StructType struct) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", "struct");
    gen.writeArrayFieldStart("fields");
    for (StructField field : struct.fields()) {
      gen.writeStartObject();
      gen.writeStringField("name", field.name());
      gen.writeFieldName("type");
      write(gen, field.type());
      gen.writeBooleanField("nullable", field.nullable());
      gen.writeFieldName("metadata");
      JsonValues.write(gen, field.metadata());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }
}
