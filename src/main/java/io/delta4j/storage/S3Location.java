package io.delta4j.storage;

import java.net.URI;
import java.util.Locale;

/**
 * An S3 object or key prefix named by an {@code s3://} or {@code s3a://} URI. The key is the URI's
 * decoded path without its leading {@code /}: {@code s3://b/t/a%20b.json} is key {@code t/a b.json}
 * in bucket {@code b}. {@code s3a} (Hadoop's name for the same store) is kept as given, so that the
 * locations a listing returns have the scheme the table was opened with.
 *
 * @param scheme {@code s3} or {@code s3a}, lower case
 */
record S3Location(String scheme, String bucket, String key) {
  static S3Location of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("s3") && !scheme.equals("s3a")) {
      throw new IllegalArgumentException("S3Storage reads s3: and s3a: URIs only, not " + uri);
    }
    String bucket = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("'" + uri + "' names no bucket: write " + scheme + "://<bucket>/<key>");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    return new S3Location(scheme, bucket, path.startsWith("/") ? path.substring(1) : path);
  }

  /** Whether the key names a directory (a prefix ending in {@code /}, or the bucket itself). */
  boolean isDirectory() {
    return key.isEmpty() || key.endsWith("/");
  }

  /** The key prefix of the directory this location is in, or names: ends in {@code /} or is empty. */
  String directoryPrefix() {
    return isDirectory() ? key : key.substring(0, key.lastIndexOf('/') + 1);
  }

  /** The URI of another key in the same bucket, percent-encoded as {@link Locations} encodes. */
  URI uriOf(String otherKey) {
    return URI.create(scheme + "://" + bucket + "/" + UriCodec.encodePath(otherKey));
  }

  @Override
  public String toString() {
    return scheme + "://" + bucket + "/" + key;
  }
}
