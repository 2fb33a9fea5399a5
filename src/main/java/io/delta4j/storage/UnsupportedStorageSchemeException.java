package io.delta4j.storage;

import io.delta4j.DeltaException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/** No {@link StorageBackend} handles the table's URI scheme (yet). */
public final class UnsupportedStorageSchemeException extends DeltaException {
  private static final Set<String> S3_SCHEMES = Set.of("s3", "s3a", "s3n");

  private final String scheme;

  UnsupportedStorageSchemeException(URI location, String scheme, Set<String> supported) {
    super(location.toString(), message(scheme, supported));
    this.scheme = scheme;
  }

  /** The scheme that was asked for, in lower case. */
  public String scheme() {
    return scheme;
  }

  private static String message(String scheme, Set<String> supported) {
    String message = "Unsupported storage scheme '" + scheme + "'; supported: " + new TreeSet<>(supported) + ".";
    return S3_SCHEMES.contains(scheme) ? message + " S3 support arrives with the S3 backend." : message;
  }
}
