package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Matches the read schema (logical names, the table's types) against one file's Parquet schema:
 * finds each column (by name, physical name or field id: {@link FileFields}), decides the list and
 * map layout the file uses, checks every leaf type ({@link LeafBinder}), and builds both the
 * converter tree that fills the batch vectors and the projected Parquet schema, so that only the
 * columns asked for are fetched and decoded.
 *
 * <p>Columns the file lacks read as null; columns the file has beyond those asked for are not read
 * (PROTOCOL.md, "Consistency Between Table Metadata and Data Files"). Paths in errors are logical,
 * dotted, with {@code element}, {@code key} and {@code value} for the parts of arrays and maps.
 */
final class ReadSchemaBinder {
  /** A filler and the part of the file's type it reads; {@code projected} is null when nothing is read. */
  record Bound(VectorFiller filler, Type projected) {}

  /**
   * The bound root.
   *
   * @param filler the row filler; its converters are those of the nested columns only
   * @param requested every column read from the file (possibly none)
   * @param nested the columns Parquet assembles records of: structs, arrays, maps, variants
   * @param flat the top-level primitive columns, read column by column
   */
  record Root(StructFiller filler, MessageType requested, MessageType nested, FlatColumns flat) {}

  private final ColumnMappingMode mode;

  private ReadSchemaBinder(ColumnMappingMode mode) {
    this.mode = mode;
  }

  /**
   * @throws DataFileException when a column cannot be read as its table type, or when mode is
   *     {@code id} and the file has no field ids
   */
  static Root bind(StructType readSchema, MessageType file, ColumnMappingMode mode) {
    ReadSchemaBinder binder = new ReadSchemaBinder(mode);
    FileFields fields = new FileFields(file, mode);
    if (mode == ColumnMappingMode.ID && readSchema.length() > 0 && !fields.hasIds()) {
      throw DataFileException.noFieldIds();
    }
    Bound[] bound = binder.fields(readSchema, fields, "");
    VectorFiller[] fillers = new VectorFiller[bound.length];
    List<Type> all = new ArrayList<>();
    List<Type> nested = new ArrayList<>();
    List<Converter> nestedConverters = new ArrayList<>();
    List<Type> flat = new ArrayList<>();
    List<Integer> flatOrdinals = new ArrayList<>();
    for (int i = 0; i < bound.length; i++) {
      fillers[i] = bound[i].filler();
      Type projected = bound[i].projected();
      if (projected == null) {
        continue;
      }
      all.add(projected);
      if (projected.isPrimitive() && !projected.isRepetition(Type.Repetition.REPEATED)) {
        flat.add(projected);
        flatOrdinals.add(i);
      } else {
        nested.add(projected);
        nestedConverters.add(fillers[i].converter());
      }
    }
    StructFiller root = new StructFiller(readSchema, fillers, nestedConverters.toArray(new Converter[0]));
    MessageType flatSchema = new MessageType(file.getName(), flat);
    return new Root(root, new MessageType(file.getName(), all), new MessageType(file.getName(), nested),
        new FlatColumns(flatSchema, flatOrdinals.stream().mapToInt(Integer::intValue).toArray(), fillers));
  }

  /**
   * Binds {@code type} to {@code file}.
   *
   * @param element whether {@code file} is the repeated field of a list that is its own element (a
   *     two-level or one-level list), so that its repetition belongs to the list, not to it
   */
  private Bound bind(DataType type, Type file, String path, boolean element) {
    if (type instanceof ArrayType array) {
      return list(array, file, path, element);
    }
    if (!element && file.isRepetition(Type.Repetition.REPEATED)) {
      throw DataFileException.typeMismatch(path, file, type, "the file has a list here");
    }
    if (type instanceof StructType struct) {
      return struct(struct, file, path);
    }
    if (type instanceof MapType map) {
      return map(map, file, path);
    }
    if (type == PrimitiveType.VARIANT) {
      return variant(file, path);
    }
    if (type == PrimitiveType.VOID) {
      return new Bound(new NullFiller(type), null); // never stored in files
    }
    if (!file.isPrimitive()) {
      throw DataFileException.typeMismatch(path, file, type);
    }
    return new Bound(LeafBinder.bind(type, file.asPrimitiveType(), path), file);
  }

  private Bound struct(StructType type, Type file, String path) {
    if (file.isPrimitive() || isListOrMap(file.getLogicalTypeAnnotation())
        || file.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.VariantLogicalTypeAnnotation) {
      throw DataFileException.typeMismatch(path, file, type);
    }
    GroupType group = file.asGroupType();
    Bound[] bound = fields(type, new FileFields(group, mode), path);
    VectorFiller[] fillers = new VectorFiller[bound.length];
    List<Type> projected = new ArrayList<>();
    List<Converter> converters = new ArrayList<>();
    for (int i = 0; i < bound.length; i++) {
      fillers[i] = bound[i].filler();
      if (bound[i].projected() != null) {
        projected.add(bound[i].projected());
        converters.add(fillers[i].converter());
      }
    }
    if (projected.isEmpty()) {
      // None of the fields asked for is in the file: read one column of the group anyway, so that
      // the struct's own nulls are known.
      Type probe = IgnoringConverter.probe(group.getType(0));
      projected.add(probe);
      converters.add(IgnoringConverter.of(probe));
    }
    StructFiller filler = new StructFiller(type, fillers, converters.toArray(new Converter[0]));
    return new Bound(filler, group.withNewFields(projected));
  }

  /**
   * Binds each field of {@code type} to the file's field that holds it; a field the file lacks
   * gets a {@link NullFiller} and no projection.
   */
  private Bound[] fields(StructType type, FileFields fields, String path) {
    Bound[] bound = new Bound[type.length()];
    Map<Type, StructField> seen = new IdentityHashMap<>();
    for (int i = 0; i < bound.length; i++) {
      StructField field = type.fields().get(i);
      String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      Type file = fields.find(field);
      if (file == null) {
        bound[i] = new Bound(new NullFiller(field.type()), null);
        continue;
      }
      StructField clash = seen.put(file, field);
      if (clash != null) {
        throw DataFileException.malformed(
            "columns " + clash.name() + " and " + field.name() + " both resolve to the file's column " + file.getName());
      }
      bound[i] = bind(field.type(), file, fieldPath, false);
    }
    return bound;
  }

  /** An array, in the layouts of {@link ListFiller}. */
  private Bound list(ArrayType type, Type file, String path, boolean element) {
    String elementPath = path + ".element";
    if (file.isRepetition(Type.Repetition.REPEATED) && !element) {
      Bound bound = bind(type.elementType(), file, elementPath, true);
      return new Bound(ListFiller.bare(type, requireRead(bound, file, type, path)), bound.projected());
    }
    if (file.isPrimitive() || !isList(file.asGroupType())) {
      throw DataFileException.typeMismatch(path, file, type);
    }
    GroupType list = file.asGroupType();
    Type repeated = list.getType(0);
    if (isTwoLevel(repeated, list.getName(), type.elementType())) {
      Bound bound = bind(type.elementType(), repeated, elementPath, true);
      VectorFiller filler = ListFiller.twoLevels(type, requireRead(bound, file, type, path));
      return new Bound(filler, list.withNewFields(bound.projected()));
    }
    GroupType wrapper = repeated.asGroupType();
    Bound bound = bind(type.elementType(), wrapper.getType(0), elementPath, false);
    VectorFiller filler = ListFiller.threeLevels(type, requireRead(bound, file, type, path));
    return new Bound(filler, list.withNewFields(wrapper.withNewFields(bound.projected())));
  }

  /**
   * Parquet's backward-compatibility rules for the repeated field of a LIST group: it is itself the
   * element when it is a primitive, a group of several fields, a group named {@code array} or
   * {@code <list>_tuple} (old Spark, parquet-thrift), or a one-field group whose field is the one
   * field of the element struct. Otherwise it wraps the element (the standard three levels).
   */
  private boolean isTwoLevel(Type repeated, String listName, DataType elementType) {
    if (repeated.isPrimitive()) {
      return true;
    }
    GroupType group = repeated.asGroupType();
    if (group.getFieldCount() != 1 || group.getName().equals("array") || group.getName().equals(listName + "_tuple")) {
      return true;
    }
    if (!(elementType instanceof StructType struct) || struct.length() != 1) {
      return false;
    }
    // The one field of the element struct is there, and is a leaf exactly when the struct's field
    // is (array<struct<element:int>> in three levels must not be taken for two).
    StructField only = struct.fields().get(0);
    Type match = new FileFields(group, mode).find(only);
    return match != null && match.isPrimitive() == isLeaf(only.type());
  }

  private static boolean isLeaf(DataType type) {
    return !(type instanceof StructType || type instanceof ArrayType || type instanceof MapType
        || type == PrimitiveType.VARIANT);
  }

  /** A map, in the layouts of {@link MapFiller}. */
  private Bound map(MapType type, Type file, String path) {
    if (file.isPrimitive() || file.asGroupType().getFieldCount() != 1
        || file.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      throw DataFileException.typeMismatch(path, file, type);
    }
    GroupType map = file.asGroupType();
    Type entries = map.getType(0);
    if (entries.isPrimitive() || !entries.isRepetition(Type.Repetition.REPEATED)
        || entries.asGroupType().getFieldCount() < 1 || entries.asGroupType().getFieldCount() > 2) {
      throw DataFileException.typeMismatch(path, file, type);
    }
    GroupType entry = entries.asGroupType();
    Bound key = bind(type.keyType(), entry.getType(0), path + ".key", false);
    Bound value = entry.getFieldCount() == 2
        ? bind(type.valueType(), entry.getType(1), path + ".value", false)
        : new Bound(new NullFiller(type.valueType()), null);
    requireRead(key, file, type, path);
    List<Type> projected = new ArrayList<>();
    List<Converter> converters = new ArrayList<>();
    for (Bound part : List.of(key, value)) {
      if (part.projected() != null) {
        projected.add(part.projected());
        converters.add(part.filler().converter());
      }
    }
    MapFiller filler = new MapFiller(type, path, key.filler(), value.filler(), converters.toArray(new Converter[0]));
    return new Bound(filler, map.withNewFields(entry.withNewFields(projected)));
  }

  /** A variant: a group holding binaries {@code value} and {@code metadata}, and nothing else. */
  private Bound variant(Type file, String path) {
    if (file.isPrimitive()) {
      throw DataFileException.typeMismatch(path, file, PrimitiveType.VARIANT);
    }
    GroupType group = file.asGroupType();
    if (group.containsField("typed_value")) {
      throw DataFileException.shreddedVariant(path);
    }
    if (group.getFieldCount() != 2 || !group.containsField("value") || !group.containsField("metadata")
        || !isBinary(group.getType("value")) || !isBinary(group.getType("metadata"))) {
      throw DataFileException.typeMismatch(path, file, PrimitiveType.VARIANT);
    }
    boolean valueFirst = group.getFieldIndex("value") == 0;
    return new Bound(new VariantFiller(path, valueFirst), group);
  }

  /** A list must read something of its elements to know how many there are. */
  private static VectorFiller requireRead(Bound element, Type file, DataType type, String path) {
    if (element.projected() == null) {
      throw DataFileException.typeMismatch(path, file, type, "its elements or keys cannot be void");
    }
    return element.filler();
  }

  private static boolean isList(GroupType group) {
    LogicalTypeAnnotation a = group.getLogicalTypeAnnotation();
    return (a == null || a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)
        && group.getFieldCount() == 1
        && group.getType(0).isRepetition(Type.Repetition.REPEATED);
  }

  private static boolean isListOrMap(LogicalTypeAnnotation a) {
    return a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
  }

  private static boolean isBinary(Type type) {
    return type.isPrimitive()
        && type.asPrimitiveType().getPrimitiveTypeName() == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY
        && !type.isRepetition(Type.Repetition.REPEATED);
  }
}
