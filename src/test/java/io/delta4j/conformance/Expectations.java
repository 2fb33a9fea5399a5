package io.delta4j.conformance;

import io.delta4j.CorruptLogException;
import io.delta4j.DeltaException;
import io.delta4j.TableNotFoundException;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.VersionNotFoundException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
        "VersionNotFoundException", VersionNotFoundException.class);

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

  /** {@code <appId>=<version>} or {@code <appId>=none}. */
  record ExpectedTxn(String appId, OptionalLong version) {
    static ExpectedTxn parse(String text) {
      int eq = text.lastIndexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad txn \"" + text + "\"; want <appId>=<version> or <appId>=none");
      }
      String value = text.substring(eq + 1);
      OptionalLong version = value.equals("none") ? OptionalLong.empty() : OptionalLong.of(parseLong(value));
      return new ExpectedTxn(text.substring(0, eq), version);
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
      case ROWS, CHANGES -> {
        // Free text until the data reader exists.
      }
    }
  }

  private static List<String> splitList(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
