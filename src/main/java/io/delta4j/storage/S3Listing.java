package io.delta4j.storage;

import java.io.IOException;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects under a key prefix, one ListObjectsV2 page at a time, in the order S3 lists them
 * (UTF-8 byte order of the keys), fetched as {@link BatchedListing} says.
 */
final class S3Listing extends BatchedListing {
  private final S3Client client;
  private final S3Location directory;
  private final Predicate<String> keep;
  private ListObjectsV2Request next;

  /**
   * @param request the first page's request (bucket, prefix, and delimiter or start as wanted)
   * @param directory the listed directory; names passed to {@code keep} are relative to its prefix
   * @param keep which relative names to list
   */
  S3Listing(S3Client client, ListObjectsV2Request request, S3Location directory, Predicate<String> keep)
      throws IOException {
    this.client = client;
    this.directory = directory;
    this.keep = keep;
    this.next = request;
    fetchNext();
  }

  @Override
  protected boolean hasMoreBatches() {
    return next != null;
  }

  @Override
  protected void fetchNext() throws IOException {
    ListObjectsV2Response page;
    try {
      page = client.listObjectsV2(next);
    } catch (SdkException e) {
      throw S3Errors.translate(directory, e);
    }
    String prefix = directory.key();
    for (S3Object o : page.contents()) {
      String key = o.key();
      if (key.startsWith(prefix) && keep.test(key.substring(prefix.length()))) {
        long modified = o.lastModified() == null ? 0 : o.lastModified().toEpochMilli();
        ready.add(new FileEntry(directory.uriOf(key), o.size() == null ? 0 : o.size(), modified));
      }
    }
    String token = page.nextContinuationToken();
    next = Boolean.TRUE.equals(page.isTruncated()) && token != null && !token.isEmpty()
        ? next.toBuilder().continuationToken(token).startAfter(null).build()
        : null;
  }
}
