package io.delta4j.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Counts the S3 requests a backend sends (an SDK interceptor, registered through
 * {@link S3TestServer#storage}): each call by operation and what it named, each HTTP attempt, and
 * the keys LIST answers returned. Tests assert request economy with it.
 */
public final class RequestCounter implements ExecutionInterceptor {
  private final List<String> calls = new ArrayList<>();
  private int attempts;
  private int listedKeys;

  @Override
  public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String detail = "";
    if (context.request() instanceof GetObjectRequest r) {
      detail = r.key() + (r.range() == null ? "" : " " + r.range());
    } else if (context.request() instanceof PutObjectRequest r) {
      detail = r.key();
    } else if (context.request() instanceof ListObjectsV2Request r) {
      detail = r.prefix() + (r.startAfter() == null ? "" : " after " + r.startAfter());
    }
    calls.add(operation + " " + detail);
  }

  @Override
  public synchronized void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attempts++;
  }

  @Override
  public synchronized void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
    if (context.response() instanceof ListObjectsV2Response r) {
      listedKeys += r.contents().size();
    }
  }

  /** Every call so far, as {@code Operation detail} (for example {@code GetObject t/_delta_log/x bytes=0-9}). */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Calls by operation name ({@code GetObject}, {@code ListObjectsV2}, ...). */
  public synchronized Map<String, Integer> byOperation() {
    Map<String, Integer> counts = new TreeMap<>();
    calls.forEach(c -> counts.merge(c.substring(0, c.indexOf(' ')), 1, Integer::sum));
    return counts;
  }

  public synchronized int count(String operation) {
    return byOperation().getOrDefault(operation, 0);
  }

  /** HTTP attempts, retries included. */
  public synchronized int attempts() {
    return attempts;
  }

  /** Keys all LIST answers returned together. */
  public synchronized int listedKeys() {
    return listedKeys;
  }

  public synchronized void reset() {
    calls.clear();
    attempts = 0;
    listedKeys = 0;
  }
}
