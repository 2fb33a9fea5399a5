package io.delta4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build of delta4j, as Maven stamped it into the jar. */
public final class Delta4jVersion {
  private static final String VERSION = load();

  private Delta4jVersion() {}

  /** For example {@code 0.1.0}; {@code unknown} when run from unbuilt sources. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Delta4jVersion.class.getResourceAsStream("delta4j.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
