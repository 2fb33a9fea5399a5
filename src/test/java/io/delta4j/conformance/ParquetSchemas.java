package io.delta4j.conformance;

import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The Delta type of each column of an expected-rows Parquet file, from the file's own Parquet
 * schema, so that the expected side's types do not come from the table under test. The mapping is
 * the one Spark and Arrow use when they write Delta types:
 *
 * <ul>
 *   <li>INT32: byte for INT(8), short for INT(16), date for DATE, decimal for DECIMAL, else integer;
 *       INT64: decimal for DECIMAL, timestamp for TIMESTAMP adjusted to UTC, timestamp_ntz for
 *       TIMESTAMP not adjusted, else long (unsigned INT(32) too); INT96: timestamp;
 *   <li>BINARY and FIXED_LEN_BYTE_ARRAY: decimal for DECIMAL, string for STRING/ENUM/JSON, else binary;
 *   <li>groups: array for LIST (3-level and the legacy 2-level layouts, by Parquet's
 *       backward-compatibility rules), map for MAP/MAP_KEY_VALUE, else struct; a bare repeated
 *       field is an array of itself.
 * </ul>
 */
final class ParquetSchemas {
  private ParquetSchemas() {}

  static StructType toStruct(MessageType message) {
    return struct(message);
  }

  private static StructType struct(GroupType group) {
    List<StructField> fields = new ArrayList<>();
    for (Type t : group.getFields()) {
      DataType type = t.isRepetition(Type.Repetition.REPEATED) ? new ArrayType(single(t), false) : type(t);
      fields.add(new StructField(t.getName(), type, !t.isRepetition(Type.Repetition.REQUIRED)));
    }
    return new StructType(fields);
  }

  private static DataType type(Type t) {
    if (t.isPrimitive()) {
      return primitive(t);
    }
    GroupType g = t.asGroupType();
    LogicalTypeAnnotation logical = g.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(g);
    }
    if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      GroupType keyValue = g.getType(0).asGroupType();
      Type value = keyValue.getFieldCount() > 1 ? keyValue.getType(1) : null;
      return new MapType(type(keyValue.getType(0)), value == null ? PrimitiveType.VOID : type(value),
          value == null || !value.isRepetition(Type.Repetition.REQUIRED));
    }
    return struct(g);
  }

  /** The type of a field, ignoring its own repetition (for the element of a bare repeated field). */
  private static DataType single(Type t) {
    return t.isPrimitive() ? primitive(t) : (t.getLogicalTypeAnnotation() == null ? struct(t.asGroupType()) : type(t));
  }

  private static DataType list(GroupType g) {
    Type repeated = g.getType(0);
    Type element;
    if (repeated.isPrimitive()) {
      element = repeated; // 2-level: the repeated field is the element
    } else {
      GroupType r = repeated.asGroupType();
      boolean legacy = r.getFieldCount() > 1 || r.getName().equals("array") || r.getName().equals(g.getName() + "_tuple");
      if (legacy) {
        return new ArrayType(struct(r), false);
      }
      element = r.getType(0);
    }
    DataType type = repeated.isPrimitive() ? primitive(element) : type(element);
    return new ArrayType(type, !element.isRepetition(Type.Repetition.REQUIRED));
  }

  private static DataType primitive(Type t) {
    LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation d) {
      return new DecimalType(d.getPrecision(), d.getScale());
    }
    switch (t.asPrimitiveType().getPrimitiveTypeName()) {
      case BOOLEAN:
        return PrimitiveType.BOOLEAN;
      case INT32:
        if (logical instanceof IntLogicalTypeAnnotation i) {
          return switch (i.getBitWidth()) {
            case 8 -> i.isSigned() ? PrimitiveType.BYTE : PrimitiveType.SHORT;
            case 16 -> i.isSigned() ? PrimitiveType.SHORT : PrimitiveType.INTEGER;
            default -> i.isSigned() ? PrimitiveType.INTEGER : PrimitiveType.LONG;
          };
        }
        return logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
            ? PrimitiveType.DATE
            : PrimitiveType.INTEGER;
      case INT64:
        if (logical instanceof TimestampLogicalTypeAnnotation ts) {
          return ts.isAdjustedToUTC() ? PrimitiveType.TIMESTAMP : PrimitiveType.TIMESTAMP_NTZ;
        }
        return PrimitiveType.LONG;
      case INT96:
        return PrimitiveType.TIMESTAMP;
      case FLOAT:
        return PrimitiveType.FLOAT;
      case DOUBLE:
        return PrimitiveType.DOUBLE;
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        return logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
            ? PrimitiveType.STRING
            : PrimitiveType.BINARY;
      default:
        throw new IllegalArgumentException("no Delta type for Parquet column " + t);
    }
  }
}
