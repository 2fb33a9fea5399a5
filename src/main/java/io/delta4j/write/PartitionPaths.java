package io.delta4j.write;

import java.util.List;

/**
 * Hive-style partition directories ({@code date=2024-01-01/region=eu}), as Delta's Spark writer
 * names them: each value is escaped the way Hive's {@code escapePathName} does (control
 * characters, DEL and the characters of {@link #SPECIAL} become {@code %XX}), and a null value is written
 * {@code __HIVE_DEFAULT_PARTITION__}. The directory is only a naming convention: readers take the
 * values from the log's {@code partitionValues}, never from the path.
 */
final class PartitionPaths {
  static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";
  private static final String SPECIAL = "\"#%'*/:=?\\\u007F{[]^";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PartitionPaths() {}

  /** The directory (decoded, ending in {@code /}) for these columns and serialized values; empty when unpartitioned. */
  static String directory(List<String> columns, List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String value = values.get(i);
      escape(sb, columns.get(i));
      sb.append('=');
      if (value == null || value.isEmpty()) {
        sb.append(NULL_PARTITION);
      } else {
        escape(sb, value);
      }
      sb.append('/');
    }
    return sb.toString();
  }

  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || SPECIAL.indexOf(c) >= 0) {
        sb.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
      } else {
        sb.append(c);
      }
    }
  }
}
