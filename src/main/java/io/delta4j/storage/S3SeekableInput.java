package io.delta4j.storage;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link SeekableInput} over one S3 object: every read at a new place is a ranged GET, so a
 * Parquet reader fetches the footer and then only the column chunks it needs.
 *
 * <p>A read smaller than {@link #READ_AHEAD} fetches a whole window of that size and serves later
 * reads from it. Near the end of the object the window is moved back to end at the object's end, so
 * Parquet's footer (an 8-byte read of length and magic, then the footer just before it) costs one
 * GET, and so does a run of small column chunks. Reads of at least a window go to S3 as they are.
 *
 * <p>When the caller does not know the length, opening fetches the last window with a suffix range
 * ({@code bytes=-N}), whose answer also gives the length: no HEAD, and the footer is already there.
 * One instance serves one reader at a time.
 */
final class S3SeekableInput extends PositionalInput {
  /** Window size: most Parquet footers fit, and a GET of this size costs about what a small one does. */
  static final int READ_AHEAD = 256 * 1024;

  private final S3Client client;
  private final S3Location object;
  private byte[] window;
  private long windowStart;
  private boolean closed;

  private S3SeekableInput(S3Client client, S3Location object, long length, byte[] window, long windowStart) {
    super(length);
    this.client = Objects.requireNonNull(client, "client");
    this.object = Objects.requireNonNull(object, "object");
    this.window = window;
    this.windowStart = windowStart;
  }

  /** @throws java.nio.file.NoSuchFileException when the length is unknown and the object missing */
  static S3SeekableInput open(S3Client client, S3Location object, OptionalLong knownLength) throws IOException {
    if (knownLength.isPresent()) {
      return new S3SeekableInput(client, object, knownLength.getAsLong(), new byte[0], 0);
    }
    GetObjectRequest request = request(object).range("bytes=-" + READ_AHEAD).build();
    try (ResponseInputStream<GetObjectResponse> in = client.getObject(request)) {
      byte[] tail = in.readAllBytes();
      long total = totalLength(in.response().contentRange(), tail.length);
      return new S3SeekableInput(client, object, total, tail, total - tail.length);
    } catch (S3Exception e) {
      if (e.statusCode() == 416) { // an empty object has no suffix to give
        return new S3SeekableInput(client, object, headLength(client, object), new byte[0], 0);
      }
      throw S3Errors.translate(object, e);
    } catch (SdkException e) {
      throw S3Errors.translate(object, e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, buffer.length);
    if (closed) {
      throw new IOException("Stream closed: " + object);
    }
    if (count == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int n = (int) Math.min(count, length - position);
    if (position < windowStart || position >= windowStart + window.length) {
      if (n >= READ_AHEAD) {
        get(position, buffer, offset, n);
        position += n;
        return n;
      }
      long start = Math.max(0, Math.min(position, length - READ_AHEAD));
      byte[] fresh = new byte[(int) Math.min(READ_AHEAD, length - start)];
      get(start, fresh, 0, fresh.length);
      window = fresh;
      windowStart = start;
    }
    int inWindow = (int) (position - windowStart);
    n = Math.min(n, window.length - inWindow);
    System.arraycopy(window, inWindow, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public void close() {
    closed = true;
    window = new byte[0];
  }

  /** Reads exactly {@code count} bytes at {@code start} with one ranged GET. */
  private void get(long start, byte[] into, int offset, int count) throws IOException {
    GetObjectRequest request = request(object).range("bytes=" + start + "-" + (start + count - 1)).build();
    try (ResponseInputStream<GetObjectResponse> in = client.getObject(request)) {
      int got = in.readNBytes(into, offset, count);
      if (got < count) {
        throw shorter(start + got);
      }
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        throw shorter(-1);
      }
      throw S3Errors.translate(object, e);
    } catch (SdkException e) {
      throw S3Errors.translate(object, e);
    }
  }

  private static long headLength(S3Client client, S3Location object) throws IOException {
    try {
      return client.headObject(HeadObjectRequest.builder().bucket(object.bucket()).key(object.key()).build())
          .contentLength();
    } catch (SdkException e) {
      throw S3Errors.translate(object, e);
    }
  }

  /**
   * The total from a {@code Content-Range} of the form {@code bytes 100-199/200}; without one the
   * server sent the whole object.
   */
  static long totalLength(String contentRange, long bodyLength) throws IOException {
    if (contentRange == null) {
      return bodyLength;
    }
    int slash = contentRange.lastIndexOf('/');
    try {
      return Long.parseLong(contentRange.substring(slash + 1).trim());
    } catch (NumberFormatException e) {
      throw new IOException("S3 answered with an unreadable Content-Range '" + contentRange + "'", e);
    }
  }

  private static GetObjectRequest.Builder request(S3Location object) {
    return GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
  }

  private EOFException shorter(long end) {
    return new EOFException(object + " is shorter than the " + length + " bytes expected"
        + (end >= 0 ? "; it ended after " + end : ""));
  }
}
