package io.delta4j.conformance;

import io.delta4j.ChangeDataNotRecordedException;
import io.delta4j.CorruptLogException;
import io.delta4j.DeltaException;
import io.delta4j.TableNotFoundException;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.VersionNotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The formats of the {@code expected} column, one parser per check (see the header of cases.tsv). */
final class Expectations {
  private Expectations() {}

  /** {@code 3/7 R[a,b] W[c]}; an omitted feature list is not checked. */
  record ExpectedProtocol(
      int minReader, int minWriter, Optional<Set<String>> readerFeatures, Optional<Set<String>> writerFeatures) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)/(\\d+)(?: R\\[([^\\]]*)\\])?(?: W\\[([^\\]]*)\\])?");

    static ExpectedProtocol parse(String text) {
      Matcher m = FORMAT.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad protocol \"" + text + "\"; want R/W [R[f,...]] [W[f,...]]");
      }
      return new ExpectedProtocol(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), features(m.group(3)), features(m.group(4)));
    }

    private static Optional<Set<String>> features(String list) {
      return list == null ? Optional.empty() : Optional.of(Set.copyOf(splitList(list)));
    }
  }

  /** {@code <ExceptionType>: <fragment>}; the fragment is matched case-insensitively. */
  record ExpectedError(Class<? extends DeltaException> type, String fragment) {
    static final Map<String, Class<? extends DeltaException>> TYPES = Map.of(
        "TableNotFoundException", TableNotFoundException.class,
        "CorruptLogException", CorruptLogException.class,
        "UnsupportedTableFeatureException", UnsupportedTableFeatureException.class,
        "VersionNotFoundException", VersionNotFoundException.class,
        "ChangeDataNotRecordedException", ChangeDataNotRecordedException.class);

    static ExpectedError parse(String text) {
      int colon = text.indexOf(": ");
      Class<? extends DeltaException> type = colon < 0 ? null : TYPES.get(text.substring(0, colon));
      if (type == null || text.substring(colon + 2).isBlank()) {
        throw new IllegalArgumentException(
            "bad error \"" + text + "\"; want <type>: <message fragment>, type one of " + TYPES.keySet());
      }
      return new ExpectedError(type, text.substring(colon + 2));
    }

    boolean matches(Throwable t) {
      return type.isInstance(t)
          && t.getMessage() != null
          && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(fragment.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * {@code <appId>=<version>} or {@code <appId>=none}, optionally followed by
   * {@code  lastUpdated=<ISO-8601 date-time with offset>}, which is then checked too.
   */
  record ExpectedTxn(String appId, OptionalLong version, Optional<Instant> lastUpdated) {
    private static final String LAST_UPDATED = " lastUpdated=";

    ExpectedTxn(String appId, OptionalLong version) {
      this(appId, version, Optional.empty());
    }

    static ExpectedTxn parse(String text) {
      int suffix = text.indexOf(LAST_UPDATED);
      Optional<Instant> lastUpdated = suffix < 0
          ? Optional.empty()
          : Optional.of(parseInstant(text.substring(suffix + LAST_UPDATED.length())));
      String pair = suffix < 0 ? text : text.substring(0, suffix);
      int eq = pair.lastIndexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad txn \"" + text + "\"; want <appId>=<version> or <appId>=none"
            + " [lastUpdated=<ISO-8601>]");
      }
      String value = pair.substring(eq + 1);
      OptionalLong version = value.equals("none") ? OptionalLong.empty() : OptionalLong.of(parseLong(value));
      if (version.isEmpty() && lastUpdated.isPresent()) {
        throw new IllegalArgumentException("bad txn \"" + text + "\": an absent transaction has no lastUpdated");
      }
      return new ExpectedTxn(pair.substring(0, eq), version, lastUpdated);
    }
  }

  /** {@code <domain>=<configuration>} or {@code <domain>=none} (never set, or removed). */
  record ExpectedDomain(String domain, Optional<String> configuration) {
    static ExpectedDomain parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "bad domain \"" + text + "\"; want <domain>=<configuration> or <domain>=none");
      }
      String value = text.substring(eq + 1);
      return new ExpectedDomain(text.substring(0, eq), value.equals("none") ? Optional.empty() : Optional.of(value));
    }
  }

  /**
   * {@code <limit>: <entry>,<entry>,...}: {@code DeltaTable.history(limit)}, newest first. An entry
   * is {@code <version>} or {@code <version> <operation>}; an omitted operation is not checked.
   */
  record ExpectedHistory(int limit, List<String> entries) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+): (.+)");
    private static final Pattern ENTRY = Pattern.compile("\\d+( \\S.*)?");

    static ExpectedHistory parse(String text) {
      Matcher m = FORMAT.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad history \"" + text + "\"; want <limit>: <version> [<operation>],...");
      }
      List<String> entries = splitList(m.group(2));
      for (String entry : entries) {
        if (!ENTRY.matcher(entry).matches()) {
          throw new IllegalArgumentException("bad history entry \"" + entry + "\"; want <version> [<operation>]");
        }
      }
      return new ExpectedHistory(Integer.parseInt(m.group(1)), entries);
    }

    /** Whether the entry at {@code index} names an operation to check. */
    boolean checksOperation(int index) {
      return index < entries.size() && entries.get(index).contains(" ");
    }
  }

  /**
   * {@code <column>=<value>: <paths>} or {@code <column> IS NULL: <paths>}: the live files whose
   * partition value (as the log holds it, a string) equals the value or is null; paths as in {@code set},
   * or {@code none}.
   */
  record ExpectedFilter(String column, Optional<String> value, Set<String> paths) {
    private static final Pattern FORMAT = Pattern.compile("([^=: ]+)(?:=(.*?)| IS NULL): (.+)");

    static ExpectedFilter parse(String text) {
      Matcher m = FORMAT.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "bad partitionFilter \"" + text + "\"; want <column>=<value>: <paths> or <column> IS NULL: <paths>");
      }
      return new ExpectedFilter(m.group(1), Optional.ofNullable(m.group(2)), parseSetOrNone(m.group(3)));
    }
  }

  /**
   * {@code <column>: <path>=<n>|...} or {@code <column>: none}: the live files whose stats give the
   * column a non-zero {@code nullCount}, with that count.
   */
  record ExpectedNullCount(String column, Set<String> entries) {
    private static final Pattern FORMAT = Pattern.compile("([^:]+): (.+)");
    private static final Pattern ENTRY = Pattern.compile(".+=\\d+");

    static ExpectedNullCount parse(String text) {
      Matcher m = FORMAT.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "bad nullCount \"" + text + "\"; want <column>: <path>=<n>|... or <column>: none");
      }
      Set<String> entries = parseSetOrNone(m.group(2));
      for (String entry : entries) {
        if (!ENTRY.matcher(entry).matches()) {
          throw new IllegalArgumentException("bad nullCount entry \"" + entry + "\"; want <path>=<n>");
        }
      }
      return new ExpectedNullCount(m.group(1), entries);
    }
  }

  /** {@code <sum of cardinalities> on <files> files}. */
  record ExpectedDv(long cardinality, long files) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+) on (\\d+) files?");

    static ExpectedDv parse(String text) {
      Matcher m = FORMAT.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad dv \"" + text + "\"; want \"<cardinality> on <n> files\"");
      }
      return new ExpectedDv(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }
  }

  /** Paths separated by '|', compared as a set (the log's order is not part of the contract). */
  static Set<String> parseSet(String text) {
    List<String> paths = Arrays.stream(text.split("\\|")).map(String::trim).toList();
    if (paths.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("empty path in set \"" + text + "\"");
    }
    Set<String> set = new LinkedHashSet<>(paths);
    if (set.size() != paths.size()) {
      throw new IllegalArgumentException("duplicate path in set \"" + text + "\"");
    }
    return set;
  }

  /** A set as {@link #parseSet} reads it, or {@code none} for the empty set. */
  static Set<String> parseSetOrNone(String text) {
    return text.equals("none") ? Set.of() : parseSet(text);
  }

  /** {@code key=value|key=value}, or {@code none}; split at each entry's first '='. */
  static Map<String, String> parseMap(String text) {
    Map<String, String> map = new TreeMap<>();
    for (String entry : parseSetOrNone(text)) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad map entry \"" + entry + "\"; want <key>=<value>");
      }
      if (map.put(entry.substring(0, eq), entry.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("duplicate key in \"" + text + "\"");
      }
    }
    return map;
  }

  /** An ISO-8601 date-time with offset, e.g. {@code 2024-01-01T05:30:00Z}. */
  static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad timestamp \"" + text + "\" (want ISO-8601 with offset)", e);
    }
  }

  static List<String> parseList(String text) {
    return splitList(text);
  }

  static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: \"" + text + "\"", e);
    }
  }

  /** Fails with a message naming the format when {@code expected} cannot be read for {@code check}. */
  static void validate(Check check, String expected) {
    switch (check) {
      case VERSION, COUNT, TOMBSTONES -> parseLong(expected);
      case SET -> parseSet(expected);
      case PROTOCOL -> ExpectedProtocol.parse(expected);
      case PARTITION_COLUMNS -> parseList(expected);
      case DV -> ExpectedDv.parse(expected);
      case TXN -> ExpectedTxn.parse(expected);
      case ERROR -> ExpectedError.parse(expected);
      case SCHEMA -> {
        if (!expected.startsWith("struct<")) {
          throw new IllegalArgumentException("bad schema \"" + expected + "\"; want struct<name:type,...>");
        }
      }
      case DOMAIN -> ExpectedDomain.parse(expected);
      case DOMAINS, KEYS, TOMBSTONE_KEYS, DECODED -> parseSetOrNone(expected);
      case TXNS, PROPERTIES -> parseMap(expected);
      case TIMESTAMP -> parseInstant(expected);
      case HISTORY -> ExpectedHistory.parse(expected);
      case STATS_ROWS -> parseLong(expected);
      case PARTITION_FILTER -> ExpectedFilter.parse(expected);
      case NULL_COUNT -> ExpectedNullCount.parse(expected);
      case ROWS -> RowExpectation.parseRows(expected);
      case ROW_COUNT -> RowExpectation.parseCount(expected);
      case CHANGES -> ChangeExpectation.parse(expected);
    }
  }

  private static List<String> splitList(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
