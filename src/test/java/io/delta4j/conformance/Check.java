package io.delta4j.conformance;

import java.util.Arrays;

/** What a conformance case compares; the tokens are those of the {@code check} column. */
enum Check {
  VERSION("version"),
  COUNT("count"),
  SET("set"),
  PROTOCOL("protocol"),
  PARTITION_COLUMNS("partitionColumns"),
  DV("dv"),
  TXN("txn"),
  TOMBSTONES("tombstones"),
  ERROR("error"),
  SCHEMA("schema"),
  DOMAIN("domain"),
  DOMAINS("domains"),
  TXNS("txns"),
  PROPERTIES("properties"),
  TIMESTAMP("timestamp"),
  HISTORY("history"),
  KEYS("keys"),
  TOMBSTONE_KEYS("tombstoneKeys"),
  DECODED("decoded"),
  STATS_ROWS("statsRows"),
  PARTITION_FILTER("partitionFilter"),
  NULL_COUNT("nullCount"),
  ROWS("rows"),
  ROW_COUNT("rowCount"),
  CHANGES("changes");

  private final String token;

  Check(String token) {
    this.token = token;
  }

  String token() {
    return token;
  }

  static Check fromToken(String token) {
    return Arrays.stream(values())
        .filter(c -> c.token.equals(token))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown check \"" + token + "\"; expected one of "
                + Arrays.stream(values()).map(Check::token).toList()));
  }
}
