package io.delta4j.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the runners: positional arguments, then {@code --name value} pairs. */
public final class Options {
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> named = new HashMap<>();

  public Options(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
        named.put(a.substring(2), hasValue ? args[++i] : "true");
      } else {
        positional.add(a);
      }
    }
  }

  /** The {@code index}-th positional argument. */
  public String arg(int index, String what) {
    if (index >= positional.size()) {
      throw new IllegalArgumentException("missing argument: " + what);
    }
    return positional.get(index);
  }

  /** Every positional argument, in order. */
  public List<String> positional() {
    return List.copyOf(positional);
  }

  public String get(String name, String fallback) {
    return named.getOrDefault(name, fallback);
  }

  public String require(String name) {
    String v = named.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing option --" + name);
    }
    return v;
  }

  public long getLong(String name, long fallback) {
    String v = named.get(name);
    return v == null ? fallback : Long.parseLong(v);
  }

  public int getInt(String name, int fallback) {
    return (int) getLong(name, fallback);
  }

  public boolean flag(String name) {
    return Boolean.parseBoolean(named.getOrDefault(name, "false"));
  }
}
