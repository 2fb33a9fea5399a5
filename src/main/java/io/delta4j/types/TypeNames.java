package io.delta4j.types;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the string form of a type in the schema JSON: a primitive name or {@code decimal(p,s)}
 * (PROTOCOL.md, "Primitive Types"). Accepts what Spark's reader accepts for those types, so that
 * any table Spark can read parses here too.
 */
final class TypeNames {
  // Spark's form; writers other than Spark put spaces after the comma ("decimal(10, 4)").
  private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(-?\\d{1,9})\\s*,\\s*(-?\\d{1,9})\\s*\\)");

  private TypeNames() {}

  /** The type named {@code name}; {@code path} is the field, for the error message. */
  static DataType parse(String name, String path) {
    Optional<PrimitiveType> primitive = PrimitiveType.fromTypeName(name);
    if (primitive.isPresent()) {
      return primitive.get();
    }
    switch (name) {
      case "decimal":
        return DecimalType.USER_DEFAULT;
      case "null": // Spark before 3.0 named NullType "null"
        return PrimitiveType.VOID;
      case "timestamp_ltz": // Spark's alias of timestamp
        return PrimitiveType.TIMESTAMP;
      default:
        break;
    }
    Matcher decimal = DECIMAL.matcher(name);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      String problem = DecimalType.problem(precision, scale);
      if (problem != null) {
        throw SchemaErrors.invalid(path, "has invalid data type \"" + name + "\": " + problem);
      }
      return new DecimalType(precision, scale);
    }
    if (name.startsWith("geometry") || name.startsWith("geography")) {
      throw SchemaErrors.invalid(
          path,
          "has unsupported data type \"" + name + "\": delta4j does not support the geospatial types"
              + " of table feature geospatial");
    }
    throw SchemaErrors.invalid(
        path,
        "has unknown data type \"" + name + "\" (expected a primitive type name such as \"long\" or"
            + " \"decimal(10,2)\", or a struct, array or map object)");
  }
}
