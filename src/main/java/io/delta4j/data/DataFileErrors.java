package io.delta4j.data;

import io.delta4j.DeltaErrors;
import io.delta4j.DeltaException;
import java.net.URI;

/**
 * Sorts a failure to read a data file into what the caller can act on: the file is missing, the
 * storage failed (retry or report), the file uses something delta4j cannot read yet, or the file is
 * not what the table says (report it, naming the file and the column).
 */
final class DataFileErrors {
  private DataFileErrors() {}

  /**
   * @param row the 0-based row being read when it failed, or -1 outside of rows (the footer, the
   *     schema)
   */
  static DeltaException translate(Throwable e, String table, String file, URI location, long row) {
    if (e instanceof DeltaException delta) {
      return delta;
    }
    DeltaException common =
        ReadFailures.missingOrStorage(e, table, location, t -> DeltaErrors.missingDataFile(table, file, t));
    if (common != null) {
      return common;
    }
    String where = row >= 0 ? " (row " + row + ")" : "";
    if (e instanceof DataFileException d) {
      return switch (d.kind()) {
        case SHREDDED_VARIANT -> DeltaErrors.unsupportedDataFile(table, file, "variantShredding", d.getMessage());
        case TYPE_MISMATCH, NO_FIELD_IDS -> DeltaErrors.unreadableDataFile(table, file, d.getMessage(), d);
        case MALFORMED -> DeltaErrors.unreadableDataFile(table, file, d.getMessage() + where, d);
      };
    }
    return DeltaErrors.unreadableDataFile(
        table, file, "it is not a valid Parquet file (" + ReadFailures.describe(e) + ")" + where, e);
  }
}
