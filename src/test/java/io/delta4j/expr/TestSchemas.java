package io.delta4j.expr;

import io.delta4j.ListRow;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.Map;

/** Schemas shared by the expression tests. */
final class TestSchemas {
  private TestSchemas() {}

  static final StructType ADDRESS = StructType.of(
      field("city", PrimitiveType.STRING), field("zip", PrimitiveType.INTEGER));

  /** One column of every comparable type, a void, a struct and an array. */
  static final StructType ALL = StructType.of(
      field("id", PrimitiveType.LONG),
      field("i", PrimitiveType.INTEGER),
      field("s", PrimitiveType.SHORT),
      field("b", PrimitiveType.BYTE),
      field("f", PrimitiveType.FLOAT),
      field("d", PrimitiveType.DOUBLE),
      field("dec", new DecimalType(10, 2)),
      field("str", PrimitiveType.STRING),
      field("bin", PrimitiveType.BINARY),
      field("flag", PrimitiveType.BOOLEAN),
      field("day", PrimitiveType.DATE),
      field("ts", PrimitiveType.TIMESTAMP),
      field("ntz", PrimitiveType.TIMESTAMP_NTZ),
      field("v", PrimitiveType.VOID),
      field("address", ADDRESS),
      field("tags", new ArrayType(PrimitiveType.STRING, true)));

  static StructField field(String name, DataType type) {
    return new StructField(name, type, true);
  }

  /** A field with column mapping metadata. */
  static StructField mapped(String name, DataType type, long id, String physical) {
    return new StructField(name, type, true, Map.of(
        StructField.COLUMN_MAPPING_ID_KEY, id, StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, physical));
  }

  /** A row of {@link #ALL} with one column set and the others null. */
  static ListRow rowWith(String column, Object value) {
    Object[] values = new Object[ALL.length()];
    values[ALL.indexOf(column)] = value;
    return new ListRow(ALL, values);
  }
}
