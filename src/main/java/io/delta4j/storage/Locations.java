package io.delta4j.storage;

import io.delta4j.storage.UriCodec.Parts;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns what users type and what the log holds into absolute, normalized URIs.
 *
 * <p>Every URI returned here has one form, so that equal files give equal strings: a lower-case
 * scheme; {@code file:///path} for local files (never {@code file:/path} or
 * {@code file://localhost/path}); a path without {@code .}, {@code ..} or empty segments; and the
 * path percent-encoded as RFC 2396 asks (space as {@code %20}, {@code #} as {@code %23}, non-ASCII as
 * UTF-8 escapes, {@code @ = + , ; :} kept). For local files this is the form of the JDK's
 * {@code Path.toUri()}.
 */
public final class Locations {
  private Locations() {}

  /** The last root {@link #canonicalize} saw, with its canonical form: replay passes one root many times. */
  private static volatile CanonicalRoot lastRoot;

  private record CanonicalRoot(URI root, String canonical, Parts parts) {}

  /**
   * The table root for what a user typed: a local path (relative paths are made absolute against
   * the working directory), a {@code file:} URI ({@code file:/t}, {@code file:///t},
   * {@code file://localhost/t}), or a URI of another scheme such as {@code s3://bucket/t}.
   *
   * <p>The input is a file path unless it starts with a scheme of two or more characters followed by
   * {@code :}, so {@code C:} is not a scheme (and a relative path whose first segment contains such a
   * colon must be written {@code ./ab:c}). {@code ~} is not expanded. A URI that is not valid syntax
   * (an unencoded space) is taken literally rather than refused.
   *
   * @return the absolute, normalized root, ending in {@code /}
   * @throws IllegalArgumentException when the input is empty, a {@code file:} URI names another
   *     host, or a URI of another scheme has no authority (bucket)
   */
  public static URI tableRoot(String userInput) {
    Objects.requireNonNull(userInput, "userInput");
    if (userInput.isEmpty()) {
      throw new IllegalArgumentException("The table location is empty.");
    }
    Parts parts;
    if (UriCodec.hasScheme(userInput)) {
      parts = UriCodec.parse(userInput);
      if (parts.scheme().equals("file")) {
        requireLocalHost(userInput, parts.authority());
      } else if (parts.authority() == null || parts.authority().isEmpty()) {
        throw new IllegalArgumentException(
            "'" + userInput + "' has no authority: write " + parts.scheme() + "://<bucket or host>/<path>.");
      }
    } else {
      parts = localParts(userInput);
    }
    String path = parts.path().isEmpty() ? "/" : UriCodec.normalizePath(parts.path());
    return URI.create(build(parts.scheme(), parts.authority(), path.endsWith("/") ? path : path + "/"));
  }

  /**
   * Resolves a path from the log ({@code add.path}, {@code remove.path}, a {@code p} deletion
   * vector) against the table root. The Delta protocol makes such a path an RFC 2396 URI reference,
   * URL-encoded, relative to the root ({@code date=2024-01-01/part-0.parquet},
   * {@code special%20p@%23h}) or absolute ({@code /data/x}, {@code file:/data/x},
   * {@code file:///data/x}, {@code s3://bucket/key}). A path that is not valid URI syntax, or that
   * holds a raw {@code ?} or {@code #}, came from a writer that did not encode it; it is encoded
   * here rather than refused.
   *
   * @param root the table root, as {@link #tableRoot} returns it
   * @throws IllegalArgumentException for an opaque URI such as {@code file:x}
   */
  public static URI resolve(URI root, String logPath) {
    return URI.create(canonicalize(root, logPath));
  }

  /**
   * The key under which log replay reconciles file actions: two paths that name the same file give
   * equal keys, however they were written. {@code /x}, {@code file:/x}, {@code file:///x} and
   * {@code file://localhost/x} are equal under a local root (golden tables
   * {@code canonicalized-paths-*}); a relative path equals its absolute form under the root; and
   * {@code special%20p@%23h} equals {@code special%20p%40%23h} and the unencoded
   * {@code special p@#h} (golden {@code log-replay-special-characters-*}). It is the string form of
   * {@link #resolve}.
   *
   * <p>Called once per file action, so the common case (a plain relative path under the root that
   * was passed last time) costs one check and one concatenation.
   */
  public static String canonicalize(URI root, String logPath) {
    Objects.requireNonNull(logPath, "logPath");
    CanonicalRoot canonicalRoot = canonicalRoot(root);
    if (UriCodec.isPlainRelative(logPath)) {
      return canonicalRoot.canonical() + logPath;
    }
    Parts rootParts = canonicalRoot.parts();
    Parts ref = UriCodec.parse(logPath);
    if (ref.scheme() != null) {
      String path = ref.path().isEmpty() ? "/" : ref.path();
      return build(ref.scheme(), ref.authority(), UriCodec.normalizePath(path));
    }
    String path = ref.authority() != null || ref.path().startsWith("/")
        ? ref.path()
        : rootParts.path() + ref.path();
    String authority = ref.authority() != null ? ref.authority() : rootParts.authority();
    return build(rootParts.scheme(), authority, UriCodec.normalizePath(path.isEmpty() ? "/" : path));
  }

  /**
   * A decoded relative path (for example {@code date=2024-01-01/part-0.parquet}) in the
   * percent-encoded form the log's {@code path} fields hold.
   */
  public static String encodePath(String decoded) {
    return UriCodec.encodePath(decoded);
  }

  /**
   * {@link #canonicalize}, made relative to the root when the file lies under it. Log replay keys
   * every file action by it, so the common case (a plain relative path) returns the path itself
   * without allocating.
   */
  public static String canonicalKey(URI root, String logPath) {
    if (UriCodec.isPlainRelative(logPath)) {
      return logPath;
    }
    String canonical = canonicalize(root, logPath);
    String prefix = canonicalRoot(root).canonical();
    return canonical.startsWith(prefix) ? canonical.substring(prefix.length()) : canonical;
  }

  private static CanonicalRoot canonicalRoot(URI root) {
    CanonicalRoot last = lastRoot;
    if (last != null && last.root() == root) {
      return last;
    }
    Objects.requireNonNull(root, "root");
    if (root.getScheme() == null) {
      throw new IllegalArgumentException(
          "The table root '" + root + "' is not absolute: build it with Locations.tableRoot.");
    }
    String canonical = tableRoot(root.toString()).toString();
    CanonicalRoot result = new CanonicalRoot(root, canonical, UriCodec.parse(canonical));
    lastRoot = result;
    return result;
  }

  /** A local path made absolute and normalized; the JDK's {@code toUri()} does the encoding. */
  private static Parts localParts(String userInput) {
    Path path;
    try {
      path = Path.of(userInput).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + userInput + "' is not a valid local path: " + e.getReason() + ".", e);
    }
    return UriCodec.parse(path.toUri().toString());
  }

  private static void requireLocalHost(String userInput, String authority) {
    if (authority != null && !authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
      throw new IllegalArgumentException(
          "'" + userInput + "' names the host '" + authority + "'; file: URIs must name a local path,"
              + " as in file:///path.");
    }
  }

  /** Assembles the canonical string; {@code path} is decoded, absolute and normalized. */
  private static String build(String scheme, String authority, String path) {
    String encoded = UriCodec.encodePath(path);
    if (scheme.equals("file") && (authority == null || authority.equalsIgnoreCase("localhost"))) {
      return "file://" + encoded;
    }
    return authority == null ? scheme + ":" + encoded : scheme + "://" + authority + encoded;
  }
}
