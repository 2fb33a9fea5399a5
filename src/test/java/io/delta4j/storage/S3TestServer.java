package io.delta4j.storage;

import io.delta4j.StorageOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A real S3-compatible server for tests: s3proxy, embedded on 127.0.0.1 at a free port, over an
 * in-memory store, checking AWS signatures against {@link #ACCESS_KEY} and {@link #SECRET_KEY}.
 * One server serves a test class (it starts in about a second):
 *
 * <pre>{@code
 * @RegisterExtension static final S3TestServer S3 = new S3TestServer();
 * ...
 * URI root = S3.root(S3.createBucket(), "events/");
 * DeltaTable t = DeltaTable.open(root.toString(), S3.options());
 * }</pre>
 */
public final class S3TestServer implements BeforeAllCallback, AfterAllCallback {
  public static final String ACCESS_KEY = "test-access";
  public static final String SECRET_KEY = "test-secret-do-not-print";
  public static final String REGION = "us-east-1";

  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private BlobStore store;
  private S3Proxy proxy;

  /** Starts the server; {@link #close()} stops it. The extension callbacks call these. */
  public void start() throws Exception {
    store = BlobStores.create("transient-nio2", new Properties());
    proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
  }

  public void close() throws Exception {
    if (proxy != null) {
      proxy.stop();
      proxy = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** A new, empty bucket with a unique name. */
  public String createBucket() {
    String name = "bucket-" + BUCKETS.incrementAndGet();
    store.createContainer(name);
    return name;
  }

  /** {@code s3://bucket/path}, with {@code path} as given (end it in {@code /} for a directory). */
  public URI root(String bucket, String path) {
    return URI.create("s3://" + bucket + "/" + path);
  }

  /** Options that reach this server: endpoint, test credentials, region (path style is implied). */
  public StorageOptions options() {
    return options(Map.of());
  }

  /** {@link #options()} plus {@code extra}, which wins on equal keys. */
  public StorageOptions options(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(Map.of(
        "endpoint", endpoint().toString(),
        "region", REGION,
        "accessKeyId", ACCESS_KEY,
        "secretAccessKey", SECRET_KEY));
    values.putAll(extra);
    return StorageOptions.of(values);
  }

  /** A backend on this server; the interceptors see every request (to count them). */
  public S3Storage storage(StorageOptions options, ExecutionInterceptor... interceptors) {
    return new S3Storage(URI.create("s3://any/"), options, List.of(interceptors));
  }

  /**
   * Copies every file under a local directory (a table, with its log) to {@code root}, keeping
   * relative paths: the S3 twin of a local table, for running the same reads on both.
   */
  public void upload(Path directory, URI root) throws IOException {
    try (S3Storage storage = storage(options()); Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String relative = directory.relativize(file).toString().replace('\\', '/');
        try (OutputStream out = storage.create(URI.create(root + Locations.encodePath(relative)))) {
          Files.copy(file, out);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot upload " + file, e);
        }
      }
    }
  }
}
