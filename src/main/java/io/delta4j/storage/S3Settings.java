package io.delta4j.storage;

import io.delta4j.StorageOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The S3 client settings of one table: its {@link StorageOptions} checked and completed from the
 * environment (see {@link StorageOptions} for the keys and defaults). Holds no SDK types, so it is
 * tested without the SDK.
 *
 * @param endpoint the endpoint override, when one is given
 * @param region the region option, when given (otherwise the AWS chain decides)
 * @param credentials static credentials, when given (otherwise the AWS chain decides)
 */
record S3Settings(
    Optional<URI> endpoint,
    boolean pathStyle,
    Optional<String> region,
    Optional<StaticCredentials> credentials,
    int maxAttempts,
    boolean adaptiveRetries,
    Duration connectTimeout,
    Duration socketTimeout,
    int maxConnections,
    int listPageSize) {

  static final Set<String> KEYS = Set.of(
      "endpoint", "pathStyle", "region", "accessKeyId", "secretAccessKey", "sessionToken", "maxAttempts",
      "retryMode", "connectTimeoutMillis", "socketTimeoutMillis", "maxConnections", "listPageSize");

  /** The most keys S3 returns per LIST request. */
  static final int MAX_LIST_PAGE = 1000;

  /**
   * Credentials given as options. Its {@code toString} hides the secrets, which must never reach a
   * log or a message.
   */
  record StaticCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=****, secretAccessKey=****]";
    }
  }

  /**
   * @param env the process environment ({@code System::getenv}), a seam for tests
   * @throws IllegalArgumentException for an unknown key or a bad value, naming the key (never a
   *     secret value)
   */
  static S3Settings from(URI root, StorageOptions options, Function<String, String> env) {
    for (String key : options.values().keySet()) {
      if (!KEYS.contains(key)) {
        throw bad(root, "unknown storage option '" + key + "'; S3 tables know " + new TreeSet<>(KEYS));
      }
    }
    Optional<URI> endpoint = options.get("endpoint")
        .or(() -> nonEmpty(env.apply("AWS_ENDPOINT_URL_S3")))
        .or(() -> nonEmpty(env.apply("AWS_ENDPOINT_URL")))
        .map(e -> endpoint(root, e));
    boolean pathStyle = options.get("pathStyle").map(v -> bool(root, "pathStyle", v)).orElse(endpoint.isPresent());
    return new S3Settings(
        endpoint,
        pathStyle,
        options.get("region"),
        credentials(root, options),
        (int) number(root, options, "maxAttempts", 5, 1, 100),
        retryMode(root, options),
        Duration.ofMillis(number(root, options, "connectTimeoutMillis", 10_000, 1, Integer.MAX_VALUE)),
        Duration.ofMillis(number(root, options, "socketTimeoutMillis", 60_000, 1, Integer.MAX_VALUE)),
        (int) number(root, options, "maxConnections", 64, 1, 10_000),
        (int) number(root, options, "listPageSize", MAX_LIST_PAGE, 1, MAX_LIST_PAGE));
  }

  private static Optional<StaticCredentials> credentials(URI root, StorageOptions options) {
    Optional<String> id = options.get("accessKeyId");
    Optional<String> secret = options.get("secretAccessKey");
    if (id.isPresent() != secret.isPresent()) {
      throw bad(root, "the storage options accessKeyId and secretAccessKey go together; only "
          + (id.isPresent() ? "accessKeyId" : "secretAccessKey") + " is given");
    }
    if (id.isEmpty()) {
      if (options.get("sessionToken").isPresent()) {
        throw bad(root, "the storage option sessionToken needs accessKeyId and secretAccessKey");
      }
      return Optional.empty();
    }
    return Optional.of(new StaticCredentials(id.get(), secret.get(), options.get("sessionToken")));
  }

  private static boolean retryMode(URI root, StorageOptions options) {
    String mode = options.get("retryMode").orElse("standard").toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "standard" -> false;
      case "adaptive" -> true;
      default -> throw bad(root, "the storage option retryMode must be standard or adaptive, not '" + mode + "'");
    };
  }

  private static URI endpoint(URI root, String value) {
    URI uri;
    try {
      uri = URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      throw bad(root, "the S3 endpoint '" + value + "' is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw bad(root, "the S3 endpoint '" + value + "' must be an http:// or https:// URL with a host");
    }
    return uri;
  }

  private static boolean bool(URI root, String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(root, "the storage option " + key + " must be true or false, not '" + value + "'");
    };
  }

  private static long number(URI root, StorageOptions options, String key, long fallback, long min, long max) {
    Optional<String> value = options.get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.get().trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(root, "the storage option " + key + " must be a whole number from " + min + " to " + max
        + ", not '" + value.get() + "'");
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static IllegalArgumentException bad(URI root, String problem) {
    return new IllegalArgumentException(root + ": " + problem + ".");
  }
}
