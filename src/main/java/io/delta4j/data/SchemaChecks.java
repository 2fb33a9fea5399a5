package io.delta4j.data;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/** Type checks shared by the converters, with the one error message they all give. */
final class SchemaChecks {
  private SchemaChecks() {}

  static MalformedActionException wrongType(String path, Type type, String expected) {
    return new MalformedActionException(
        "column " + path + " has Parquet type '" + type.toString().trim() + "', expected " + expected);
  }

  /** A single (not repeated) primitive of one of the given physical types. */
  static boolean isSingle(Type type, PrimitiveTypeName... accepted) {
    if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
      return false;
    }
    PrimitiveTypeName actual = type.asPrimitiveType().getPrimitiveTypeName();
    for (PrimitiveTypeName name : accepted) {
      if (name == actual) {
        return true;
      }
    }
    return false;
  }

  /** A binary that holds text: annotated as a string (or enum, or JSON), or not annotated, as old writers left it. */
  static boolean isString(Type type) {
    return !type.isRepetition(Type.Repetition.REPEATED) && holdsText(type);
  }

  /** Like {@link #isString} but also for a repeated field (the element of a legacy list). */
  static boolean holdsText(Type type) {
    if (!type.isPrimitive()
        || type.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
      return false;
    }
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    return a == null
        || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
  }

  /** A struct: a non-repeated group that is not annotated as a list or map. */
  static boolean isStruct(Type type) {
    if (type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
      return false;
    }
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    return !(a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation);
  }
}
