package io.delta4j.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a case file (cases.tsv, tests-data-cases.tsv): tab-separated columns
 * {@code suite table at check expected source}; '#' comments,
 * blank lines and the header line (starting with {@code suite<TAB>}) are skipped. Any malformed line
 * fails the whole file, naming the line, so that a typo never turns into a silently missing case.
 */
final class CaseFile {
  private static final int COLUMNS = 6;

  private CaseFile() {}

  /** The corpus's cases; a case of a suite the corpus does not hold fails the whole file. */
  static List<ConformanceCase> load(Corpus corpus) {
    String resource = corpus.caseFile();
    InputStream in = CaseFile.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    List<ConformanceCase> cases = parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
    for (ConformanceCase c : cases) {
      if (!corpus.suites().contains(c.suite())) {
        throw new IllegalArgumentException(resource + " line " + c.line() + ": suite \"" + c.suite()
            + "\" does not belong in this file; expected one of " + corpus.suites());
      }
    }
    return cases;
  }

  static List<ConformanceCase> parse(Reader reader, String name) {
    List<ConformanceCase> cases = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("suite\t")) {
          continue;
        }
        try {
          cases.add(parseLine(lineNo, line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + " line " + lineNo + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return cases;
  }

  private static ConformanceCase parseLine(int lineNo, String line) {
    String[] cols = line.split("\t", -1);
    if (cols.length != COLUMNS) {
      throw new IllegalArgumentException(
          "expected " + COLUMNS + " tab-separated columns (suite, table, at, check, expected, source), found "
              + cols.length);
    }
    for (int i = 0; i < 5; i++) {
      if (cols[i].isBlank()) {
        throw new IllegalArgumentException("column " + (i + 1) + " is empty");
      }
    }
    return new ConformanceCase(
        lineNo, cols[0], cols[1], SnapshotRef.parse(cols[2]), Check.fromToken(cols[3]), cols[4], cols[5]);
  }
}
