package io.delta4j.storage;

import io.delta4j.StorageOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the {@link StorageBackend} for a table by its URI scheme: the one place a new backend is
 * registered. {@code file:} gets {@link LocalStorage}; {@code s3:} and {@code s3a:} (Hadoop's name
 * for the same store) get {@link S3Storage}, which needs the optional dependency
 * {@code software.amazon.awssdk:s3}. No SDK class is loaded unless an S3 table is opened.
 */
public final class StorageBackends {
  private static final Set<String> SUPPORTED = Set.of("file", "s3", "s3a");

  /** The artifact S3 tables need, as a user adds it to a build. */
  static final String AWS_SDK_ARTIFACT = "software.amazon.awssdk:s3";

  private StorageBackends() {}

  /** As {@link #forUri(URI, StorageOptions)} with no options: S3 is configured by the environment. */
  public static StorageBackend forUri(URI root) {
    return forUri(root, StorageOptions.none());
  }

  /**
   * The backend for {@code root}'s scheme.
   *
   * @param root an absolute URI, as {@link Locations#tableRoot} returns it
   * @param options settings for the backend (see {@link StorageOptions}); local tables ignore them
   * @throws UnsupportedStorageSchemeException when no backend handles the scheme, or when it is
   *     S3 and the AWS SDK is not on the classpath
   * @throws IllegalArgumentException when {@code root} has no scheme, or an option is unknown or bad
   */
  public static StorageBackend forUri(URI root, StorageOptions options) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(options, "options");
    if (root.getScheme() == null) {
      throw new IllegalArgumentException(
          "'" + root + "' is not an absolute URI; build table roots with Locations.tableRoot.");
    }
    String scheme = root.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> new LocalStorage();
      case "s3", "s3a" -> s3(root, scheme, options);
      default -> throw new UnsupportedStorageSchemeException(root, scheme, SUPPORTED);
    };
  }

  /**
   * Kept apart so that linking {@code forUri} never needs {@link S3Storage}: that class, and the SDK
   * behind it, load only here, and a missing SDK shows as {@link NoClassDefFoundError}.
   */
  private static StorageBackend s3(URI root, String scheme, StorageOptions options) {
    try {
      return new S3Storage(root, options);
    } catch (NoClassDefFoundError e) {
      throw new UnsupportedStorageSchemeException(root, scheme,
          "S3 tables need the AWS SDK for Java 2, which is not on the classpath (missing class "
              + String.valueOf(e.getMessage()).replace('/', '.')
              + "). Add the dependency " + AWS_SDK_ARTIFACT + " (version 2.56.0 or later).", e);
    }
  }
}
