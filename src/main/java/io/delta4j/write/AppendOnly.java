package io.delta4j.write;

import io.delta4j.log.action.Metadata;
import java.util.Locale;

/**
 * Enforces {@code delta.appendOnly} (PROTOCOL.md, "Append-only Tables"): while it is true, commits
 * may add data and rearrange it ({@code dataChange=false}), but not remove or change it. Like Delta
 * Spark, the property is enforced whatever the protocol says: a table whose owner set it expects
 * it to hold.
 */
public final class AppendOnly {
  /** The table property. */
  public static final String PROPERTY = "delta.appendOnly";

  private AppendOnly() {}

  /**
   * Throws unless {@code operation} may remove or change data in the table: an
   * {@link io.delta4j.AppendOnlyTableException} when the table is append-only, an
   * {@link io.delta4j.UnsupportedTableFeatureException} when the property is neither true nor false
   * (delta4j cannot tell, so it does not guess). Call it for deletes, overwrites and updates, not
   * for appends or compaction.
   *
   * @param operation what would remove data, for the message, e.g. {@code DELETE}
   */
  public static void check(String table, Metadata metadata, String operation) {
    String value = metadata.configuration().get(PROPERTY);
    if (value == null) {
      return;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> throw WriteErrors.appendOnly(table, operation);
      case "false" -> { }
      default -> throw WriteErrors.unreadableAppendOnly(table, operation, value);
    }
  }
}
