package io.delta4j.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The stream of {@link S3Storage#create}. S3 shows an object only once it is complete, which gives
 * the SPI's "visible whole on close" for free: a file that fits in one part is buffered and sent
 * with one PutObject on {@code close()}; a larger one becomes a multipart upload whose parts are
 * sent as they fill, completed on {@code close()} and aborted by {@link #abort()}, so an abandoned
 * write leaves nothing visible (and no parts that S3 would keep billing).
 *
 * <p>Parts are sent synchronously, one at a time: memory stays at one part, and a failure surfaces
 * from the {@code write} that filled the part. After a failed write, {@code close()} aborts rather
 * than publishing a truncated file.
 */
final class S3OutputStream extends OutputStream implements Abortable {
  private static final Logger LOG = LoggerFactory.getLogger(S3OutputStream.class);

  /** S3 allows parts of 5 MiB to 5 GiB, at most 10,000 per object (so 78 GiB at 8 MiB). */
  static final int PART_SIZE = 8 * 1024 * 1024;

  private static final int MAX_PARTS = 10_000;
  private static final int INITIAL_BUFFER = 64 * 1024;

  private final S3Client client;
  private final S3Location object;
  private final int partSize;
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private int count;
  private String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private boolean failed;
  private boolean closed;

  /** @param partSize bytes per part (at least 5 MiB on AWS); smaller files are one PutObject */
  S3OutputStream(S3Client client, S3Location object, int partSize) {
    this.client = client;
    this.object = object;
    this.partSize = partSize;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (closed) {
      throw new IOException("Stream closed: " + object);
    }
    try {
      while (length > 0) {
        if (count == partSize) {
          // Sent only when more bytes follow, so that close() never sends an empty last part.
          sendPart();
        }
        int n = Math.min(length, partSize - count);
        if (count + n > buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, Math.max(count + n, 2L * buffer.length)));
        }
        System.arraycopy(bytes, offset, buffer, count, n);
        count += n;
        offset += n;
        length -= n;
      }
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  /** Publishes the file, unless a write failed: then nothing is published. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    if (failed) {
      abort();
      return;
    }
    closed = true;
    try {
      if (uploadId == null) {
        client.putObject(PutObjectRequest.builder().bucket(object.bucket()).key(object.key()).build(),
            S3Storage.body(buffer, count));
      } else {
        sendPart();
        client.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
            .bucket(object.bucket()).key(object.key()).uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts)).build());
        LOG.debug("Completed multipart upload of {} ({} parts)", object, parts.size());
      }
    } catch (SdkException e) {
      abortUpload();
      throw S3Errors.translate(object, e);
    } finally {
      buffer = null;
    }
  }

  @Override
  public void abort() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    buffer = null;
    abortUpload();
  }

  private void sendPart() throws IOException {
    try {
      if (uploadId == null) {
        uploadId = client.createMultipartUpload(
            CreateMultipartUploadRequest.builder().bucket(object.bucket()).key(object.key()).build()).uploadId();
        LOG.debug("Started multipart upload of {}", object);
      }
      int number = parts.size() + 1;
      if (number > MAX_PARTS) {
        throw new IOException("the file is larger than S3 allows (" + MAX_PARTS + " parts of " + partSize + " bytes)");
      }
      String etag = client.uploadPart(UploadPartRequest.builder()
              .bucket(object.bucket()).key(object.key()).uploadId(uploadId).partNumber(number).build(),
          S3Storage.body(buffer, count)).eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      count = 0;
    } catch (SdkException e) {
      throw S3Errors.translate(object, e);
    }
  }

  /** Aborts the multipart upload, if one was started; a failure is logged, not thrown. */
  private void abortUpload() {
    if (uploadId == null) {
      return;
    }
    try {
      client.abortMultipartUpload(AbortMultipartUploadRequest.builder()
          .bucket(object.bucket()).key(object.key()).uploadId(uploadId).build());
    } catch (SdkException e) {
      // Nothing was published either way; a bucket lifecycle rule can clean up the parts.
      LOG.warn("Cannot abort the multipart upload {} of {}: {}", uploadId, object, e.toString());
    }
    uploadId = null;
  }
}
