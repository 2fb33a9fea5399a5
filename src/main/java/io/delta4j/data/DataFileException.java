package io.delta4j.data;

import io.delta4j.types.DataType;
import org.apache.parquet.schema.Type;

/**
 * A data file that cannot be read as the table schema asks: a column whose Parquet type the table
 * type cannot be read from, a layout this reader does not support, or malformed content. The
 * message names the column (by its logical path); {@link ParquetRowReader} adds the table and the
 * file and rethrows it as a {@link io.delta4j.DeltaException}.
 */
final class DataFileException extends RuntimeException {
  /** What the caller of the reader may want to tell apart. */
  enum Kind {
    /** The file's type for a column cannot be read as the table's type. */
    TYPE_MISMATCH,
    /** A variant column is shredded (PROTOCOL.md, "Variant Shredding"), which is not supported yet. */
    SHREDDED_VARIANT,
    /** Column mapping mode {@code id}, but the file has no Parquet field ids. */
    NO_FIELD_IDS,
    /** The file's content breaks its own schema or the protocol (a null map key, say). */
    MALFORMED
  }

  private final Kind kind;

  private DataFileException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  static DataFileException typeMismatch(String column, Type fileType, DataType tableType) {
    return new DataFileException(
        Kind.TYPE_MISMATCH,
        "column " + column + " has Parquet type '" + fileType.toString().trim().replaceAll("\\s+", " ")
            + "', which cannot be read as the table's type " + tableType.simpleString());
  }

  static DataFileException typeMismatch(String column, Type fileType, DataType tableType, String why) {
    DataFileException e = typeMismatch(column, fileType, tableType);
    return new DataFileException(Kind.TYPE_MISMATCH, e.getMessage() + " (" + why + ")");
  }

  static DataFileException shreddedVariant(String column) {
    return new DataFileException(
        Kind.SHREDDED_VARIANT,
        "variant column " + column + " is shredded (it has a typed_value field); variant shredding is not"
            + " supported yet");
  }

  static DataFileException noFieldIds() {
    return new DataFileException(
        Kind.NO_FIELD_IDS,
        "the table uses column mapping mode id, but the file's columns have no Parquet field ids");
  }

  static DataFileException malformed(String detail) {
    return new DataFileException(Kind.MALFORMED, detail);
  }
}
