package io.delta4j.conformance;

import io.delta4j.conformance.Expectations.ExpectedError;
import io.delta4j.conformance.RowExpectation.Filtered;
import io.delta4j.conformance.RowExpectation.Rows;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code expected} column of {@code changes} cases (see the header of cases.tsv):
 *
 * <pre>
 * START..END: BODY                 -- DeltaTable.changes(START, END); END = N or latest (the table's version)
 * BODY := [where EXPR =&gt; ] N        -- the number of change rows (rows() and count() must agree)
 *       | [where EXPR =&gt; ] ROWS     -- as a rows case: inline, parquet: or arrowtext:, change columns allowed
 *       | error TYPE: FRAGMENT      -- changes(...) or reading its rows throws that exception
 * </pre>
 */
record ChangeExpectation(long start, OptionalLong end, Body body) {
  private static final Pattern FORMAT = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+|latest): (.+)");
  private static final Pattern COUNT = Pattern.compile("(?:where .+ => )?\\d+");
  private static final String ERROR = "error ";

  sealed interface Body permits Count, ChangeRows, Error {}

  record Count(Filtered<Long> count) implements Body {}

  record ChangeRows(Filtered<Rows> rows) implements Body {}

  record Error(ExpectedError error) implements Body {}

  static ChangeExpectation parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad changes \"" + text
          + "\"; want <start>..<end|latest>: <count> | <rows> | error <type>: <fragment>");
    }
    long start = Long.parseLong(m.group(1));
    OptionalLong end = m.group(2).equals("latest") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
    String body = m.group(3).trim();
    Body parsed;
    if (body.startsWith(ERROR)) {
      parsed = new Error(ExpectedError.parse(body.substring(ERROR.length())));
    } else if (COUNT.matcher(body).matches()) {
      parsed = new Count(RowExpectation.parseCount(body));
    } else {
      parsed = new ChangeRows(RowExpectation.parseRows(body));
    }
    return new ChangeExpectation(start, end, parsed);
  }

  String range() {
    return start + ".." + (end.isPresent() ? Long.toString(end.getAsLong()) : "latest");
  }
}
