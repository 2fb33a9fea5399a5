package io.delta4j.data;

import io.delta4j.Row;
import io.delta4j.VariantValue;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A {@link Row} as a view of one position of a struct vector: a row of a batch, or a nested struct
 * value. Creating one copies nothing; primitive getters read the unboxed arrays directly, after one
 * check that the getter matches the column's type (the contract of {@link Row}).
 */
final class VectorRow implements Row {
  private final StructVector struct;
  private final int index;

  VectorRow(StructVector struct, int index) {
    this.struct = struct;
    this.index = index;
  }

  @Override
  public StructType schema() {
    return struct.schema();
  }

  @Override
  public boolean isNullAt(int ordinal) {
    return struct.field(ordinal).isNullAt(index);
  }

  @Override
  public Object get(int ordinal) {
    return struct.field(ordinal).get(index);
  }

  @Override
  public boolean getBoolean(int ordinal) {
    return ((BooleanVector) primitive(ordinal, PrimitiveType.BOOLEAN)).getBoolean(index);
  }

  @Override
  public byte getByte(int ordinal) {
    return (byte) ((IntVector) primitive(ordinal, PrimitiveType.BYTE)).getInt(index);
  }

  @Override
  public short getShort(int ordinal) {
    return (short) ((IntVector) primitive(ordinal, PrimitiveType.SHORT)).getInt(index);
  }

  @Override
  public int getInt(int ordinal) {
    return ((IntVector) primitive(ordinal, PrimitiveType.INTEGER)).getInt(index);
  }

  @Override
  public long getLong(int ordinal) {
    return ((LongVector) primitive(ordinal, PrimitiveType.LONG)).getLong(index);
  }

  @Override
  public float getFloat(int ordinal) {
    return ((FloatVector) primitive(ordinal, PrimitiveType.FLOAT)).getFloat(index);
  }

  @Override
  public double getDouble(int ordinal) {
    return ((DoubleVector) primitive(ordinal, PrimitiveType.DOUBLE)).getDouble(index);
  }

  @Override
  public String getString(int ordinal) {
    return (String) object(ordinal, PrimitiveType.STRING);
  }

  @Override
  public BigDecimal getDecimal(int ordinal) {
    ColumnVector v = struct.field(ordinal);
    if (!(v.type() instanceof DecimalType)) {
      throw mismatch(ordinal, "decimal");
    }
    if (v.isNullAt(index)) {
      return null;
    }
    return v instanceof LongVector longs ? longs.getDecimal(index) : (BigDecimal) v.get(index);
  }

  @Override
  public byte[] getBinary(int ordinal) {
    return (byte[]) object(ordinal, PrimitiveType.BINARY);
  }

  @Override
  public LocalDate getDate(int ordinal) {
    return (LocalDate) object(ordinal, PrimitiveType.DATE);
  }

  @Override
  public Instant getTimestamp(int ordinal) {
    return (Instant) object(ordinal, PrimitiveType.TIMESTAMP);
  }

  @Override
  public LocalDateTime getTimestampNtz(int ordinal) {
    return (LocalDateTime) object(ordinal, PrimitiveType.TIMESTAMP_NTZ);
  }

  @Override
  public VariantValue getVariant(int ordinal) {
    return (VariantValue) object(ordinal, PrimitiveType.VARIANT);
  }

  @Override
  public Row getStruct(int ordinal) {
    return (Row) nested(ordinal, StructType.class, "struct");
  }

  @Override
  @SuppressWarnings("unchecked") // ListVector yields a List<Object>
  public List<Object> getList(int ordinal) {
    return (List<Object>) nested(ordinal, ArrayType.class, "array");
  }

  @Override
  @SuppressWarnings("unchecked") // MapVector yields a Map<Object, Object>
  public Map<Object, Object> getMap(int ordinal) {
    return (Map<Object, Object>) nested(ordinal, MapType.class, "map");
  }

  /** The vector of a primitive column, checked to be of {@code expected} type and not null here. */
  private ColumnVector primitive(int ordinal, PrimitiveType expected) {
    ColumnVector v = struct.field(ordinal);
    if (v.type() != expected) {
      throw mismatch(ordinal, expected.simpleString());
    }
    if (v.isNullAt(index)) {
      throw new IllegalStateException(
          "Field \"" + name(ordinal) + "\" is null in this row; check isNullAt before calling a primitive getter.");
    }
    return v;
  }

  private Object object(int ordinal, PrimitiveType expected) {
    ColumnVector v = struct.field(ordinal);
    if (v.type() != expected) {
      throw mismatch(ordinal, expected.simpleString());
    }
    return v.get(index);
  }

  private Object nested(int ordinal, Class<? extends DataType> expected, String what) {
    ColumnVector v = struct.field(ordinal);
    if (!expected.isInstance(v.type())) {
      throw mismatch(ordinal, what);
    }
    return v.get(index);
  }

  private IllegalArgumentException mismatch(int ordinal, String getter) {
    return new IllegalArgumentException(
        "Field \"" + name(ordinal) + "\" has type " + struct.field(ordinal).type().simpleString()
            + ", which cannot be read as " + getter + ".");
  }

  private String name(int ordinal) {
    return struct.schema().fields().get(ordinal).name();
  }

  /** For debugging and messages: {@code {id=1, name=a, tags=[x, y]}}. */
  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < struct.fieldCount(); i++) {
      Object v = get(i);
      out.add(name(i) + "=" + (v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v));
    }
    return out.toString();
  }
}
