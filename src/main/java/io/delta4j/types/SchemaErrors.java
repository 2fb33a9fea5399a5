package io.delta4j.types;

/**
 * Builds the messages of schema parse errors, so that they share one form: what is wrong, then
 * where (the dotted path of the field, with {@code element}, {@code key} and {@code value} for the
 * parts of arrays and maps, as column mapping names them). Callers add the table.
 */
final class SchemaErrors {
  private SchemaErrors() {}

  /** {@code Invalid schema: field "a.b" <detail>.}, or {@code the root type <detail>} for the empty path. */
  static IllegalArgumentException invalid(String path, String detail) {
    String where = path.isEmpty() ? "the root type " : "field \"" + path + "\" ";
    return new IllegalArgumentException("Invalid schema: " + where + detail + ".");
  }

  /** {@code Invalid schema: <detail>.}, for problems of the document as a whole. */
  static IllegalArgumentException invalid(String detail) {
    return new IllegalArgumentException("Invalid schema: " + detail + ".");
  }

  static IllegalArgumentException invalid(String detail, Throwable cause) {
    IllegalArgumentException e = invalid(detail);
    e.initCause(cause);
    return e;
  }

  /** The path of a child: {@code parent.child}, or just {@code child} at the top level. */
  static String child(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }
}
