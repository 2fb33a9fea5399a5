package io.delta4j.conformance;

import io.delta4j.storage.Locations;
import io.delta4j.storage.S3TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * S3 twins of local tables: each table is uploaded as it is, every file byte for byte, to one
 * bucket of the test server the first time it is asked for, under its path relative to the shared
 * root (or to the work directory, for prepared copies): {@code golden/delta-golden/x} becomes
 * {@code s3://bucket/golden/delta-golden/x}.
 */
final class S3Tables {
  private final S3TestServer server;
  private final String bucket;
  private final Path sharedRoot;
  private final Path workDir;
  private final Map<Path, String> uploaded = new HashMap<>();

  S3Tables(S3TestServer server, Path sharedRoot, Path workDir) {
    this.server = server;
    this.bucket = server.createBucket();
    this.sharedRoot = sharedRoot;
    this.workDir = workDir;
  }

  /** Opens the tables' twins, with the options that reach the server. */
  TableLocations locations() {
    return new TableLocations(this::location, server.options());
  }

  /** The {@code s3://} location of the table at {@code root}, uploaded if it is not yet. */
  synchronized String location(Path root) {
    return uploaded.computeIfAbsent(root, this::upload);
  }

  private String upload(Path root) {
    Path relative = root.startsWith(sharedRoot) ? sharedRoot.relativize(root) : workDir.relativize(root);
    URI twin = server.root(bucket, Locations.encodePath(relative.toString().replace('\\', '/')) + "/");
    try {
      server.upload(root, twin);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot upload " + root + " to " + twin, e);
    }
    return twin.toString();
  }
}
