package io.delta4j.storage;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the {@link StorageBackend} for a table by its URI scheme: the one place a new backend
 * (S3 next) is registered.
 */
public final class StorageBackends {
  private static final Set<String> SUPPORTED = Set.of("file");

  private StorageBackends() {}

  /**
   * The backend for {@code root}'s scheme.
   *
   * @param root an absolute URI, as {@link Locations#tableRoot} returns it
   * @throws UnsupportedStorageSchemeException when no backend handles the scheme
   * @throws IllegalArgumentException when {@code root} has no scheme
   */
  public static StorageBackend forUri(URI root) {
    Objects.requireNonNull(root, "root");
    if (root.getScheme() == null) {
      throw new IllegalArgumentException(
          "'" + root + "' is not an absolute URI; build table roots with Locations.tableRoot.");
    }
    String scheme = root.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return new LocalStorage();
    }
    throw new UnsupportedStorageSchemeException(root, scheme, SUPPORTED);
  }
}
