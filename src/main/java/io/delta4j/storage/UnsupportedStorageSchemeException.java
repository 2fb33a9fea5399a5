package io.delta4j.storage;

import io.delta4j.DeltaException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * No {@link StorageBackend} handles the table's URI scheme, or the one that would needs a library
 * that is not on the classpath (the AWS SDK for {@code s3://}).
 */
public final class UnsupportedStorageSchemeException extends DeltaException {
  private final String scheme;

  UnsupportedStorageSchemeException(URI location, String scheme, Set<String> supported) {
    super(location.toString(), message(scheme, supported));
    this.scheme = scheme;
  }

  /** The scheme's backend cannot load: {@code message} says which library to add. */
  UnsupportedStorageSchemeException(URI location, String scheme, String message, Throwable cause) {
    super(location.toString(), message, cause);
    this.scheme = scheme;
  }

  /** The scheme that was asked for, in lower case. */
  public String scheme() {
    return scheme;
  }

  private static String message(String scheme, Set<String> supported) {
    String message = "Unsupported storage scheme '" + scheme + "'; supported: " + new TreeSet<>(supported) + ".";
    return scheme.equals("s3n") ? message + " Write s3:// instead: s3n is Hadoop's retired S3 connector." : message;
  }
}
