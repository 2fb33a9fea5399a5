package io.delta4j.storage;

import io.delta4j.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link StorageBackend} for {@code s3://} and {@code s3a://} URIs, on the AWS SDK for Java 2
 * (the optional dependency {@code software.amazon.awssdk:s3}). Works with AWS and with
 * S3-compatible servers (an endpoint override); see {@link StorageOptions} for its settings.
 *
 * <p>How it keeps the SPI's guarantees:
 * <ul>
 *   <li>{@link #listFrom} asks ListObjectsV2 for one directory (delimiter {@code /}) starting just
 *       before the start name, follows every page, and sorts the result in UTF-8 byte order. S3
 *       already lists keys in that order, so the sort only guards against S3-compatible servers
 *       that differ (and costs linear time on sorted input);</li>
 *   <li>{@link #putIfAbsent} is a PutObject with {@code If-None-Match: *}: S3 lets exactly one
 *       writer create a key, and shows an object only once it is complete;</li>
 *   <li>{@link #create} uploads on {@code close()} (one PutObject, or a multipart upload for large
 *       files), so a file is visible whole or not at all.</li>
 * </ul>
 * S3 has no directories: a "directory" is a key prefix ending in {@code /}. Thread-safe.
 */
public final class S3Storage implements StorageBackend {
  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);

  /** How often a conditional put that met a concurrent one (409) is tried before giving up. */
  private static final int CONFLICT_ATTEMPTS = 5;

  /**
   * The SDK must not retry a conditional put on its own: if a first attempt landed but its answer
   * was lost, the retry would get 412 and the commit would pass for someone else's. A failure is
   * reported instead, and the committer settles it by reading the file back.
   */
  private static final SdkPlugin NO_RETRIES =
      config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));

  private final S3ClientFactory.Client client;
  private final S3Client s3;
  private final int listPageSize;

  /**
   * The backend for tables under {@code root}, configured by {@code options} and the standard AWS
   * environment (see {@link StorageOptions}).
   *
   * @throws IllegalArgumentException for an unknown option, a bad option value, or a root that is
   *     not an {@code s3:} or {@code s3a:} URI with a bucket
   */
  public S3Storage(URI root, StorageOptions options) {
    this(root, options, List.of());
  }

  /** As {@link #S3Storage(URI, StorageOptions)}, with extra SDK interceptors (tests count requests). */
  S3Storage(URI root, StorageOptions options, List<ExecutionInterceptor> interceptors) {
    S3Location.of(root);
    S3Settings settings = S3Settings.from(root, options, System::getenv);
    LOG.debug("S3 storage for {}: endpoint {}, path style {}, region option {}, static credentials {}",
        root, settings.endpoint().map(URI::toString).orElse("AWS"), settings.pathStyle(),
        settings.region().orElse("none"), settings.credentials().isPresent());
    this.client = S3ClientFactory.build(settings, interceptors);
    this.s3 = client.s3();
    this.listPageSize = settings.listPageSize();
  }

  /**
   * {@inheritDoc}
   *
   * <p>One LIST request per 1000 keys from the start on (S3 lists keys in UTF-8 byte order, so
   * {@code startAfter} skips everything before the start): listing from a checkpoint's version
   * never touches older log files. Subdirectories (common prefixes) and directory marker objects
   * are skipped.
   */
  @Override
  public Iterator<FileEntry> listFrom(URI start) throws IOException {
    S3Location location = S3Location.of(start);
    String prefix = location.directoryPrefix();
    S3Location directory = new S3Location(location.scheme(), location.bucket(), prefix);
    String from = location.key().substring(prefix.length());
    ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
        .bucket(location.bucket()).prefix(prefix).delimiter("/").maxKeys(listPageSize);
    if (!from.isEmpty()) {
      request.startAfter(keyBefore(location.key()));
    }
    // All pages are read here, so that a failure is this call's IOException (callers of listFrom
    // expect no unchecked failures); from a known start that is few pages.
    List<FileEntry> entries = new ArrayList<>();
    new S3Listing(s3, request.build(), directory,
        name -> !name.isEmpty() && !name.startsWith(".") && LocalStorage.compareCodePoints(name, from) >= 0)
        .forEachRemaining(entries::add);
    entries.sort(Comparator.comparing(FileEntry::name, LocalStorage.UTF8_ORDER));
    return entries.iterator();
  }

  /**
   * A {@code startAfter} for listing keys {@code >= key}: S3 lists keys strictly after it. The
   * greatest key below {@code key} has no finite name, so this is one just below it: the last
   * character decremented, then U+10FFFF, the greatest character (and legal in the XML answer).
   * {@code ...04} gives {@code ...03} followed by U+10FFFF, after every file of version 3. Keys
   * that fall between (they extend that odd name) are dropped by the caller's name filter.
   *
   * <p>Some S3-compatible servers (s3proxy) order keys by UTF-16 units rather than UTF-8 bytes.
   * The two orders differ only where characters from U+D800 on meet, so for such a last
   * character the key is cut before it instead: more keys are listed and filtered, none missed.
   */
  static String keyBefore(String key) {
    int last = key.codePointBefore(key.length());
    String head = key.substring(0, key.length() - Character.charCount(last));
    if (last == 0 || last >= Character.MIN_SURROGATE) {
      return head;
    }
    return head + Character.toString(last - 1) + Character.toString(Character.MAX_CODE_POINT);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Lists the prefix without a delimiter, in pages of up to 1000 keys, as the iterator is
   * consumed. Keys with a segment starting with {@code .} below the directory are skipped, as are
   * directory markers (keys ending in {@code /}).
   */
  @Override
  public Iterator<FileEntry> listRecursively(URI directory) throws IOException {
    S3Location location = S3Location.of(directory);
    String prefix = location.isDirectory() ? location.key() : location.key() + "/";
    S3Location dir = new S3Location(location.scheme(), location.bucket(), prefix);
    ListObjectsV2Request request = ListObjectsV2Request.builder()
        .bucket(location.bucket()).prefix(prefix).maxKeys(listPageSize).build();
    return new S3Listing(s3, request, dir, S3Storage::visibleRelativeKey);
  }

  private static boolean visibleRelativeKey(String relative) {
    return !relative.isEmpty() && !relative.endsWith("/") && !relative.startsWith(".") && !relative.contains("/.");
  }

  /**
   * {@inheritDoc}
   *
   * <p>With {@code knownLength}, opening sends no request; a missing object then shows at the
   * first read, as {@link java.nio.file.NoSuchFileException}. Without it, opening fetches the
   * object's tail, which gives the length and usually the whole Parquet footer.
   */
  @Override
  public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
    return S3SeekableInput.open(s3, S3Location.of(location), knownLength);
  }

  /** {@inheritDoc} One GET. */
  @Override
  public byte[] readAllBytes(URI location) throws IOException {
    S3Location object = S3Location.of(location);
    try {
      return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(object.bucket()).key(object.key()).build())
          .asByteArrayUnsafe();
    } catch (SdkException e) {
      throw S3Errors.translate(object, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A PutObject with {@code If-None-Match: *}. S3 answers 412 when the key exists
   * ({@link FileAlreadyExistsException}), and 409 when a concurrent conditional write of the key is
   * in progress: that one is tried again after a short pause, since neither write has won yet. A
   * timeout or a server error is an {@link IOException} whose outcome is unknown (the object may
   * have landed); it is not retried here (see {@link #NO_RETRIES}).
   */
  @Override
  public void putIfAbsent(URI location, byte[] contents) throws IOException {
    S3Location object = S3Location.of(location);
    PutObjectRequest request = PutObjectRequest.builder()
        .bucket(object.bucket()).key(object.key()).ifNoneMatch("*")
        .overrideConfiguration(o -> o.addPlugin(NO_RETRIES))
        .build();
    for (int attempt = 1; ; attempt++) {
      try {
        s3.putObject(request, body(contents, contents.length));
        return;
      } catch (S3Exception e) {
        if (e.statusCode() == 412) {
          throw new FileAlreadyExistsException(location.toString());
        }
        if (e.statusCode() != 409) {
          throw S3Errors.translate(object, e);
        }
        if (attempt == CONFLICT_ATTEMPTS) {
          throw new IOException("concurrent conditional writes of the key kept conflicting (HTTP 409) for "
              + CONFLICT_ATTEMPTS + " attempts", e);
        }
        LOG.debug("Conditional put of {} met a concurrent one (attempt {}); trying again", object, attempt);
        pause(attempt);
      } catch (SdkException e) {
        throw S3Errors.translate(object, e);
      }
    }
  }

  /** {@inheritDoc} Buffers up to one part; see {@link S3OutputStream}. */
  @Override
  public OutputStream create(URI location) {
    return new S3OutputStream(s3, S3Location.of(location), S3OutputStream.PART_SIZE);
  }

  @Override
  public void delete(URI location) throws IOException {
    S3Location object = S3Location.of(location);
    try {
      s3.deleteObject(DeleteObjectRequest.builder().bucket(object.bucket()).key(object.key()).build());
    } catch (SdkException e) {
      throw S3Errors.translate(object, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A HEAD of the key; when there is no such object (or the location ends in {@code /}), a
   * LIST of one key under {@code location/}: a directory exists while some key lies under it.
   */
  @Override
  public boolean exists(URI location) throws IOException {
    S3Location object = S3Location.of(location);
    try {
      if (!object.isDirectory()) {
        try {
          s3.headObject(HeadObjectRequest.builder().bucket(object.bucket()).key(object.key()).build());
          return true;
        } catch (S3Exception e) {
          if (e.statusCode() != 404) {
            throw e;
          }
        }
      }
      String prefix = object.isDirectory() ? object.key() : object.key() + "/";
      return !s3.listObjectsV2(ListObjectsV2Request.builder().bucket(object.bucket()).prefix(prefix).maxKeys(1).build())
          .contents().isEmpty();
    } catch (SdkException e) {
      throw S3Errors.translate(object, e);
    }
  }

  /** Closes the client and its connections. */
  @Override
  public void close() {
    client.close();
  }

  /** A request body over {@code bytes[0, length)}, without the copy {@code RequestBody.fromBytes} makes. */
  static RequestBody body(byte[] bytes, int length) {
    Objects.checkFromIndexSize(0, length, bytes.length);
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
        "application/octet-stream");
  }

  private static void pause(int attempt) throws IOException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("Interrupted while retrying a conditional put");
    }
  }
}
