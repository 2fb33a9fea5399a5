package io.delta4j.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.Row;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PartitionValues;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructType;
import io.delta4j.util.Json;
import java.io.IOException;

/**
 * Reads an add's statistics JSON into a row of its {@code stats_parsed} type ({@link
 * StatsSchema}), streaming. Only the fields of the type are kept: statistics of columns that are
 * not indexed now (written before a schema or property change) are skipped. Each value is typed to
 * its column, read as a partition value of that type would be ({@link PartitionValues#parse}: ISO
 * dates and timestamps, with or without an offset): integers from JSON integers, floats, doubles
 * and decimals from JSON numbers (NaN and infinities from strings, as Spark writes them), strings,
 * dates and timestamps from JSON strings. A value of another JSON type, or one that does not fit
 * its column (a decimal with too many digits, an integer out of range), is null: unknown, which
 * makes readers keep the file. Statistics that are not a JSON object, or are malformed, give no
 * row at all.
 */
final class ParsedStats {
  private final StructType type;

  ParsedStats(StructType type) {
    this.type = type;
  }

  /** The row, or null when {@code json} is not a readable statistics object. */
  Row parse(String json) {
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Row row = struct(p, type);
      return p.nextToken() == null ? row : null;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable statistics prove nothing; the JSON form, when kept, says the same
    }
  }

  /** At the start of an object: its fields that {@code struct} has, typed. */
  private static Row struct(JsonParser p, StructType struct) throws IOException {
    Object[] values = new Object[struct.length()];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int i = struct.indexOf(p.currentName());
      JsonToken token = p.nextToken();
      if (i < 0) {
        p.skipChildren();
        continue;
      }
      DataType fieldType = struct.fields().get(i).type();
      if (fieldType instanceof StructType nested) {
        if (token == JsonToken.START_OBJECT) {
          values[i] = struct(p, nested);
        } else {
          p.skipChildren();
        }
      } else {
        values[i] = leaf(p, token, fieldType);
        p.skipChildren();
      }
    }
    return Row.of(struct, values);
  }

  private static Object leaf(JsonParser p, JsonToken token, DataType type) throws IOException {
    if (type == PrimitiveType.STRING) {
      return token == JsonToken.VALUE_STRING ? p.getText() : null; // "" is a value here, not null
    }
    if (type == PrimitiveType.BOOLEAN) {
      return token.isBoolean() ? p.getBooleanValue() : null;
    }
    if (!expected(token, type)) {
      return null;
    }
    try {
      return PartitionValues.parse(p.getText(), type);
    } catch (IllegalArgumentException doesNotFit) {
      return null;
    }
  }

  private static boolean expected(JsonToken token, DataType type) {
    if (type instanceof DecimalType) {
      return token.isNumeric() || token == JsonToken.VALUE_STRING;
    }
    return switch ((PrimitiveType) type) {
      case BYTE, SHORT, INTEGER, LONG -> token == JsonToken.VALUE_NUMBER_INT;
      case FLOAT, DOUBLE -> token.isNumeric() || token == JsonToken.VALUE_STRING;
      case DATE, TIMESTAMP, TIMESTAMP_NTZ -> token == JsonToken.VALUE_STRING;
      default -> false; // binary, variant and void have no typed statistics
    };
  }
}
