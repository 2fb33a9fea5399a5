package io.delta4j.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and percent-encoding of URI paths, shared by {@link Locations} and {@link LocalStorage}.
 *
 * <p>The one encoding delta4j produces is RFC 2396's (the RFC the Delta protocol cites for
 * {@code add.path}): a path character is kept if it is an RFC 2396 {@code pchar}, {@code ;} or
 * {@code /}, and every other character is written as the {@code %XX} escapes of its UTF-8 bytes. This
 * is exactly the set the JDK's {@code Path.toUri()} keeps on Unix, so a URI built here for a local
 * file equals the one the JDK builds, without the {@code stat} that {@code toUri()} costs.
 */
final class UriCodec {
  private UriCodec() {}

  /** A URI scheme of at least two characters, so that a drive letter ({@code C:}) is not one. */
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]+):(.*)", Pattern.DOTALL);

  private static final boolean[] KEEP = new boolean[128];

  static {
    String keep = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        + "-_.!~*'()" // RFC 2396 mark
        + ":@&=+$," // the rest of pchar
        + ";/";
    for (char c : keep.toCharArray()) {
      KEEP[c] = true;
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * A URI split into scheme (lower case, absent for a reference), raw authority and decoded path.
   * Any of them may be {@code null}; the path never is.
   */
  record Parts(String scheme, String authority, String path) {}

  /** Whether {@code s} starts with a scheme ({@code s3:}, {@code file:}), as opposed to a file path. */
  static boolean hasScheme(String s) {
    return SCHEME.matcher(s).matches();
  }

  /**
   * Splits a URI or URI reference. Well-formed input is decoded; input that is not valid URI syntax
   * (an unencoded space or {@code %}), or that has a query or fragment (an unencoded {@code ?} or
   * {@code #}, since Delta paths have neither), was evidently not encoded by its writer and is taken
   * literally.
   *
   * @throws IllegalArgumentException for an opaque URI such as {@code file:data}, which names no path
   */
  static Parts parse(String s) {
    try {
      URI uri = new URI(s);
      boolean plain = uri.getRawQuery() == null && uri.getRawFragment() == null;
      boolean realScheme = uri.getScheme() == null || uri.getScheme().length() >= 2;
      if (plain && realScheme) {
        if (uri.isOpaque()) {
          throw new IllegalArgumentException(
              "'" + s + "' is not a hierarchical URI: a path after '" + uri.getScheme() + ":' must start with '/'");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        return new Parts(scheme, uri.getRawAuthority(), uri.getPath());
      }
    } catch (URISyntaxException notEncoded) {
      // Fall through: take the text literally.
    }
    return parseLiteral(s);
  }

  private static Parts parseLiteral(String s) {
    Matcher m = SCHEME.matcher(s);
    if (!m.matches()) {
      return new Parts(null, null, s);
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String rest = m.group(2);
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      return new Parts(scheme, authority.isEmpty() ? null : authority, slash < 0 ? "" : rest.substring(slash));
    }
    if (!rest.startsWith("/")) {
      throw new IllegalArgumentException(
          "'" + s + "' is not a hierarchical URI: a path after '" + scheme + ":' must start with '/'");
    }
    return new Parts(scheme, null, rest);
  }

  /**
   * Removes empty, {@code .} and {@code ..} segments from an absolute decoded path, keeping a
   * trailing slash. Empty segments are dropped as Hadoop's {@code Path} drops them, which is what
   * Delta's writers used when they wrote the log.
   */
  static String normalizePath(String path) {
    if (isNormal(path)) {
      return path;
    }
    List<String> kept = new ArrayList<>();
    String[] segments = path.split("/", -1);
    boolean trailingSlash = path.endsWith("/");
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("..")) {
        if (!kept.isEmpty()) {
          kept.remove(kept.size() - 1);
        }
        trailingSlash |= last;
      } else if (segment.equals(".")) {
        trailingSlash |= last;
      } else if (!segment.isEmpty()) {
        kept.add(segment);
      }
    }
    String joined = "/" + String.join("/", kept);
    return trailingSlash && !kept.isEmpty() ? joined + "/" : joined;
  }

  /** An absolute path without empty (except a trailing one), {@code .} or {@code ..} segments. */
  private static boolean isNormal(String path) {
    return path.startsWith("/") && segmentsNormal(path, 1);
  }

  /** Whether the segments of {@code path} from {@code start} on are neither empty nor dots. */
  private static boolean segmentsNormal(String path, int start) {
    while (start < path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      int length = end - start;
      if (length == 0
          || (length == 1 && path.charAt(start) == '.')
          || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /** Percent-encodes a decoded path (see the class comment for which characters are kept). */
  static String encodePath(String path) {
    int i = 0;
    while (i < path.length() && keep(path.charAt(i))) {
      i++;
    }
    if (i == path.length()) {
      return path;
    }
    StringBuilder sb = new StringBuilder(path.length() + 16).append(path, 0, i);
    while (i < path.length()) {
      char c = path.charAt(i);
      if (keep(c)) {
        sb.append(c);
        i++;
      } else {
        int codePoint = path.codePointAt(i);
        int count = Character.charCount(codePoint);
        for (byte b : path.substring(i, i + count).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        i += count;
      }
    }
    return sb.toString();
  }

  /**
   * Whether a log path is a plain relative path already in the form {@link #encodePath} would give:
   * kept characters only (no {@code %}, and no {@code :} that could start a scheme), and no empty,
   * {@code .} or {@code ..} segment. Such a path (nearly every one in practice, for example
   * {@code date=2024-01-01/part-00000-uuid.c000.snappy.parquet}) can be appended to the root as is.
   */
  static boolean isPlainRelative(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!keep(c) || c == ':') {
        return false;
      }
    }
    return segmentsNormal(s, 0) && !s.endsWith("/");
  }

  private static boolean keep(char c) {
    return c < 128 && KEEP[c];
  }
}
