package io.delta4j.data;

import io.delta4j.Row;
import io.delta4j.types.ArrayType;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Writes {@link Row}s of a table schema to Parquet as Spark does (PROTOCOL.md, "Delta Data Type to
 * Parquet Type Mappings"): byte/short/int as INT32 (with INT(8)/INT(16) annotations), long INT64,
 * date INT32 DATE, timestamp INT64 TIMESTAMP(MICROS, UTC-adjusted), timestamp_ntz INT64
 * TIMESTAMP(MICROS, not adjusted), decimal INT32 up to precision 9, INT64 up to 18, else
 * FIXED_LEN_BYTE_ARRAY of the fewest bytes, string BINARY UTF8, arrays and maps in the standard
 * 3-level layouts ({@code list.element}, {@code key_value.key/value}). Nullable fields are
 * OPTIONAL, others REQUIRED. Under column mapping the Parquet names are the physical names and the
 * field ids the {@code delta.columnMapping.id}s (Delta writes both in name and id mode). {@code
 * void} columns are never stored. The statistics are collected on the way.
 */
final class DataWriteSupport extends WriteSupport<Row> {
  private final MessageType schema;
  private final StructNode root;
  private final DataFileStats stats;
  private RecordConsumer out;

  DataWriteSupport(StructType table, ColumnMappingMode mode, int numIndexedCols, List<List<String>> statsColumns) {
    this.stats = new DataFileStats();
    Builder b = new Builder(mode, numIndexedCols, statsColumns, stats);
    this.root = b.struct(table, new ArrayList<>(), new ArrayList<>(), true);
    this.schema = new MessageType("spark_schema", root.parquetFields);
  }

  MessageType schema() {
    return schema;
  }

  DataFileStats stats() {
    return stats;
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Row row) {
    out.startMessage();
    root.writeFields(out, row);
    out.endMessage();
  }

  /**
   * Writes the fields of {@code row} into the group that {@code consumer} has open: a struct of
   * this schema nested in another file's rows (a checkpoint's {@code stats_parsed}).
   */
  void writeFields(RecordConsumer consumer, Row row) {
    root.writeFields(consumer, row);
  }

  /** Builds the Parquet schema and the writer tree together, numbering the indexed leaves. */
  private static final class Builder {
    final ColumnMappingMode mode;
    final IndexedLeaves indexed;
    final DataFileStats stats;

    Builder(ColumnMappingMode mode, int numIndexedCols, List<List<String>> statsColumns, DataFileStats stats) {
      this.mode = mode;
      this.indexed = new IndexedLeaves(numIndexedCols, statsColumns);
      this.stats = stats;
    }

    String parquetName(StructField f) {
      return mode == ColumnMappingMode.NONE ? f.name() : f.physicalName();
    }

    /** A struct; {@code logical}/{@code keys} are its path, null when inside an array or map (no stats). */
    StructNode struct(StructType type, List<String> logical, List<String> keys, boolean withStats) {
      List<Type> parquet = new ArrayList<>();
      List<Node> children = new ArrayList<>();
      List<Integer> ordinals = new ArrayList<>();
      for (int i = 0; i < type.length(); i++) {
        StructField f = type.fields().get(i);
        if (f.type() == PrimitiveType.VOID) {
          continue; // never stored (PROTOCOL.md, "Schema Serialization Format")
        }
        String name = parquetName(f);
        List<String> l = append(logical, f.name());
        List<String> k = append(keys, name);
        Repetition rep = f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
        Node child = node(f.type(), name, rep, l, k, withStats);
        OptionalLong id = mode == ColumnMappingMode.NONE ? OptionalLong.empty() : f.columnMappingId();
        Type t = id.isPresent() ? child.parquet.withId(Math.toIntExact(id.getAsLong())) : child.parquet;
        child.nullable = f.nullable();
        child.label = f.name();
        child.index = parquet.size();
        parquet.add(t);
        children.add(child);
        ordinals.add(i);
      }
      if (parquet.isEmpty()) {
        throw new IllegalArgumentException("Cannot write a struct without stored fields: " + type.simpleString());
      }
      StructNode node = new StructNode(children, ordinals.stream().mapToInt(Integer::intValue).toArray(), parquet);
      return node;
    }

    Node node(DataType type, String name, Repetition rep, List<String> logical, List<String> keys, boolean withStats) {
      if (type instanceof StructType s) {
        StructNode n = struct(s, logical, keys, withStats);
        n.parquet = new org.apache.parquet.schema.GroupType(rep, name, n.parquetFields);
        return n;
      }
      DataFileStats.Leaf leaf = withStats && indexed.next(logical) ? stats.leaf(keys, type) : null;
      if (type instanceof ArrayType a) {
        Node element = node(a.elementType(), "element", a.containsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED,
            logical, keys, false);
        element.nullable = a.containsNull();
        element.label = name + ".element";
        Type t = Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
            .addField(Types.repeatedGroup().addField(element.parquet).named("list")).named(name);
        return new ArrayNode(t, leaf, element);
      }
      if (type instanceof MapType m) {
        Node key = node(m.keyType(), "key", Repetition.REQUIRED, logical, keys, false);
        key.label = name + ".key";
        Node value = node(m.valueType(), "value",
            m.valueContainsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED, logical, keys, false);
        value.nullable = m.valueContainsNull();
        value.label = name + ".value";
        Type t = Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
            .addField(Types.repeatedGroup().addField(key.parquet).addField(value.parquet).named("key_value"))
            .named(name);
        return new MapNode(t, leaf, key, value);
      }
      return leaf(type, name, rep, leaf);
    }

    static List<String> append(List<String> path, String name) {
      List<String> p = new ArrayList<>(path);
      p.add(name);
      return p;
    }

    Node leaf(DataType type, String name, Repetition rep, DataFileStats.Leaf stats) {
      if (type instanceof DecimalType d) {
        return decimal(d, name, rep, stats);
      }
      PrimitiveType p = (PrimitiveType) type;
      return switch (p) {
        case BOOLEAN -> new Leaf(Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name), stats, Kind.BOOLEAN);
        case BYTE -> new Leaf(Types.primitive(PrimitiveTypeName.INT32, rep)
            .as(LogicalTypeAnnotation.intType(8, true)).named(name), stats, Kind.BYTE);
        case SHORT -> new Leaf(Types.primitive(PrimitiveTypeName.INT32, rep)
            .as(LogicalTypeAnnotation.intType(16, true)).named(name), stats, Kind.SHORT);
        case INTEGER -> new Leaf(Types.primitive(PrimitiveTypeName.INT32, rep).named(name), stats, Kind.INTEGER);
        case LONG -> new Leaf(Types.primitive(PrimitiveTypeName.INT64, rep).named(name), stats, Kind.LONG);
        case FLOAT -> new Leaf(Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name), stats, Kind.FLOAT);
        case DOUBLE -> new Leaf(Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name), stats, Kind.DOUBLE);
        case STRING -> new Leaf(Types.primitive(PrimitiveTypeName.BINARY, rep)
            .as(LogicalTypeAnnotation.stringType()).named(name), stats, Kind.STRING);
        case BINARY -> new Leaf(Types.primitive(PrimitiveTypeName.BINARY, rep).named(name), stats, Kind.BINARY);
        case DATE -> new Leaf(Types.primitive(PrimitiveTypeName.INT32, rep)
            .as(LogicalTypeAnnotation.dateType()).named(name), stats, Kind.DATE);
        case TIMESTAMP -> new Leaf(Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name), stats, Kind.TIMESTAMP);
        case TIMESTAMP_NTZ -> new Leaf(Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name), stats, Kind.TIMESTAMP_NTZ);
        case VARIANT, VOID -> throw new IllegalArgumentException(
            "Cannot write column " + name + " of type " + p.typeName() + ": not supported by the data writer.");
      };
    }

    static Node decimal(DecimalType d, String name, Repetition rep, DataFileStats.Leaf stats) {
      LogicalTypeAnnotation ann = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
      if (d.precision() <= 9) {
        return new Leaf(Types.primitive(PrimitiveTypeName.INT32, rep).as(ann).named(name), stats, Kind.DECIMAL_INT, d);
      }
      if (d.precision() <= 18) {
        return new Leaf(Types.primitive(PrimitiveTypeName.INT64, rep).as(ann).named(name), stats, Kind.DECIMAL_LONG, d);
      }
      int bytes = minBytesForPrecision(d.precision());
      return new Leaf(Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(bytes).as(ann).named(name),
          stats, Kind.DECIMAL_FIXED, d);
    }

    /** Spark's {@code Decimal.minBytesForPrecision}. */
    static int minBytesForPrecision(int precision) {
      int bytes = 1;
      while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
        bytes++;
      }
      return bytes;
    }
  }

  static java.math.BigInteger unscaled(DecimalType d, Object v) {
    BigDecimal value = ((BigDecimal) v).setScale(d.scale(), RoundingMode.UNNECESSARY);
    if (value.precision() > d.precision()) {
      throw new IllegalArgumentException(value + " does not fit " + d.typeName());
    }
    return value.unscaledValue();
  }

  static byte[] fixed(java.math.BigInteger unscaled, int length) {
    byte[] raw = unscaled.toByteArray();
    byte[] out = new byte[length];
    byte pad = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
    int offset = length - raw.length;
    for (int i = 0; i < offset; i++) {
      out[i] = pad;
    }
    System.arraycopy(raw, 0, out, offset, raw.length);
    return out;
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  /**
   * How a leaf stores its values. A switch on it rather than one lambda per column: the call from
   * the leaf would see every column's lambda and could not be inlined, once per value written.
   */
  enum Kind {
    BOOLEAN, BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, STRING, BINARY, DATE, TIMESTAMP, TIMESTAMP_NTZ,
    DECIMAL_INT, DECIMAL_LONG, DECIMAL_FIXED
  }

  /** One column of the Parquet tree, and the statistics leaf it feeds, if any. */
  abstract static class Node {
    Type parquet;
    final DataFileStats.Leaf stats;
    int index;
    boolean nullable = true;
    String label;

    Node(Type parquet, DataFileStats.Leaf stats) {
      this.parquet = parquet;
      this.stats = stats;
    }

    abstract void write(RecordConsumer out, Object value);

    /** The value is null here or above: counts for every statistics leaf below. */
    void observeNull() {
      if (stats != null) {
        stats.addNull();
      }
    }

    void checkNull() {
      if (!nullable) {
        throw new IllegalArgumentException("Null value in non-nullable column " + label + ".");
      }
    }
  }

  static final class Leaf extends Node {
    private final Kind kind;
    private final DecimalType decimal;
    private final int fixedLength;

    Leaf(Type parquet, DataFileStats.Leaf stats, Kind kind) {
      this(parquet, stats, kind, null);
    }

    Leaf(Type parquet, DataFileStats.Leaf stats, Kind kind, DecimalType decimal) {
      super(parquet, stats);
      this.kind = kind;
      this.decimal = decimal;
      this.fixedLength = kind == Kind.DECIMAL_FIXED ? parquet.asPrimitiveType().getTypeLength() : 0;
    }

    @Override
    void write(RecordConsumer out, Object v) {
      switch (kind) {
        case BOOLEAN -> out.addBoolean((Boolean) v);
        case BYTE -> out.addInteger((Byte) v);
        case SHORT -> out.addInteger((Short) v);
        case INTEGER -> out.addInteger((Integer) v);
        case LONG -> out.addLong((Long) v);
        case FLOAT -> out.addFloat((Float) v);
        case DOUBLE -> out.addDouble((Double) v);
        case STRING -> out.addBinary(Binary.fromConstantByteArray(((String) v).getBytes(StandardCharsets.UTF_8)));
        case BINARY -> out.addBinary(Binary.fromConstantByteArray((byte[]) v));
        case DATE -> out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
        case TIMESTAMP -> out.addLong(micros((Instant) v));
        case TIMESTAMP_NTZ -> out.addLong(micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
        case DECIMAL_INT -> out.addInteger(unscaled(decimal, v).intValueExact());
        case DECIMAL_LONG -> out.addLong(unscaled(decimal, v).longValueExact());
        case DECIMAL_FIXED -> out.addBinary(Binary.fromConstantByteArray(fixed(unscaled(decimal, v), fixedLength)));
      }
      if (stats != null) {
        stats.add(v);
      }
    }
  }

  static final class StructNode extends Node {
    final List<Node> children;
    final int[] ordinals;
    final List<Type> parquetFields;

    StructNode(List<Node> children, int[] ordinals, List<Type> parquetFields) {
      super(null, null);
      this.children = children;
      this.ordinals = ordinals;
      this.parquetFields = parquetFields;
    }

    @Override
    void write(RecordConsumer out, Object value) {
      out.startGroup();
      writeFields(out, (Row) value);
      out.endGroup();
    }

    void writeFields(RecordConsumer out, Row row) {
      for (int i = 0; i < children.size(); i++) {
        Node child = children.get(i);
        Object v = row.get(ordinals[i]);
        if (v == null) {
          child.checkNull();
          child.observeNull();
        } else {
          out.startField(child.parquet.getName(), child.index);
          child.write(out, v);
          out.endField(child.parquet.getName(), child.index);
        }
      }
    }

    @Override
    void observeNull() {
      for (Node child : children) {
        child.observeNull();
      }
    }
  }

  static final class ArrayNode extends Node {
    private final Node element;

    ArrayNode(Type parquet, DataFileStats.Leaf stats, Node element) {
      super(parquet, stats);
      this.element = element;
    }

    @Override
    void write(RecordConsumer out, Object value) {
      List<?> list = (List<?>) value;
      out.startGroup();
      if (!list.isEmpty()) {
        out.startField("list", 0);
        for (Object e : list) {
          out.startGroup();
          if (e == null) {
            element.checkNull();
          } else {
            out.startField("element", 0);
            element.write(out, e);
            out.endField("element", 0);
          }
          out.endGroup();
        }
        out.endField("list", 0);
      }
      out.endGroup();
    }
  }

  static final class MapNode extends Node {
    private final Node key;
    private final Node value;

    MapNode(Type parquet, DataFileStats.Leaf stats, Node key, Node value) {
      super(parquet, stats);
      this.key = key;
      this.value = value;
    }

    @Override
    void write(RecordConsumer out, Object v) {
      Map<?, ?> map = (Map<?, ?>) v;
      out.startGroup();
      if (!map.isEmpty()) {
        out.startField("key_value", 0);
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.startGroup();
          if (e.getKey() == null) {
            throw new IllegalArgumentException("Null key in map column " + key.label + ".");
          }
          out.startField("key", 0);
          key.write(out, e.getKey());
          out.endField("key", 0);
          if (e.getValue() == null) {
            value.checkNull();
          } else {
            out.startField("value", 1);
            value.write(out, e.getValue());
            out.endField("value", 1);
          }
          out.endGroup();
        }
        out.endField("key_value", 0);
      }
      out.endGroup();
    }
  }

}
