package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaTable;
import io.delta4j.StorageException;
import io.delta4j.TableNotFoundException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/** What users see when S3 is misconfigured: the table's URI and the problem, never a secret. */
class S3StorageErrorsTest {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  private static String openFails(String location, Map<String, String> options) {
    StorageException e = assertThrows(StorageException.class, () -> DeltaTable.open(location, S3.options(options)));
    String message = e.getMessage();
    assertFalse(message.contains(S3TestServer.SECRET_KEY), message);
    assertFalse(message.contains("wrong-secret"), message);
    assertTrue(message.startsWith(location + ": Cannot read " + location), message);
    return message;
  }

  @Test
  void missingBucketIsNamed() {
    String message = openFails("s3://no-such-bucket/events", Map.of());
    assertTrue(message.contains("the bucket 'no-such-bucket' does not exist (NoSuchBucket, HTTP 404)"), message);
  }

  @Test
  void unknownAccessKeyIsNamed() {
    String location = "s3://" + S3.createBucket() + "/events";
    String message = openFails(location, Map.of("accessKeyId", "wrong-access"));
    assertTrue(message.contains("the server does not know the access key id (InvalidAccessKeyId, HTTP 403)"), message);
  }

  @Test
  void wrongSecretIsNamedButNotShown() {
    String location = "s3://" + S3.createBucket() + "/events";
    String message = openFails(location, Map.of("secretAccessKey", "wrong-secret"));
    assertTrue(message.contains("the request signature does not match (SignatureDoesNotMatch, HTTP 403)"), message);
  }

  @Test
  void emptyPrefixIsNoTable() {
    String location = "s3://" + S3.createBucket() + "/events";
    TableNotFoundException e = assertThrows(TableNotFoundException.class, () -> DeltaTable.open(location, S3.options()));
    assertTrue(e.getMessage().startsWith(location + ": "), e.getMessage());
  }

  @Test
  void unknownOptionsAreRefusedBeforeAnyRequest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeltaTable.open("s3://b/t", S3.options(Map.of("endPoint", "http://x"))));
    assertTrue(e.getMessage().startsWith("s3://b/t/: unknown storage option 'endPoint'; S3 tables know ["),
        e.getMessage());
  }

  /** 409 (a concurrent conditional write is in progress) is retried a few times, then reported. */
  @Test
  void conditionalPutConflictsAreRetriedAFewTimes() throws IOException {
    URI dir = S3.root(S3.createBucket(), "t/_delta_log/");
    RequestCounter counter = new RequestCounter();
    try (S3Storage storage = S3.storage(S3.options(), counter, new Conflicts(2))) {
      URI first = URI.create(dir + "00000000000000000000.json");
      storage.putIfAbsent(first, new byte[] {1});
      assertEquals(3, counter.count("PutObject"), "two conflicts, then the put");
      assertEquals(1, storage.readAllBytes(first)[0]);
    }
    counter.reset();
    try (S3Storage storage = S3.storage(S3.options(), counter, new Conflicts(100))) {
      IOException e = assertThrows(IOException.class,
          () -> storage.putIfAbsent(URI.create(dir + "00000000000000000001.json"), new byte[1]));
      assertEquals("concurrent conditional writes of the key kept conflicting (HTTP 409) for 5 attempts",
          e.getMessage());
      assertEquals(5, counter.count("PutObject"));
    }
  }

  /**
   * Answers the first {@code n} conditional puts with 409 ConditionalRequestConflict, which
   * s3proxy never sends: each is diverted to a decoy key, and its answer turned into a 409.
   */
  private static final class Conflicts implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> DIVERTED = new ExecutionAttribute<>("delta4j.test.diverted");

    private final AtomicInteger left;

    Conflicts(int n) {
      left = new AtomicInteger(n);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      SdkHttpRequest request = context.httpRequest();
      if (request.method() == SdkHttpMethod.PUT && request.firstMatchingHeader("If-None-Match").isPresent()
          && left.getAndDecrement() > 0) {
        attributes.putAttribute(DIVERTED, true);
        return request.toBuilder().encodedPath(request.encodedPath() + ".decoy-" + UUID.randomUUID()).build();
      }
      return request;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      return Boolean.TRUE.equals(attributes.getAttribute(DIVERTED))
          ? context.httpResponse().toBuilder().statusCode(409).build()
          : context.httpResponse();
    }
  }

  /**
   * Reads are retried by the SDK (maxAttempts), but a conditional put never is: a retry of a put
   * that landed would get 412 and lose the commit. A closed port fails every attempt at once.
   */
  @Test
  void readsAreRetriedButConditionalPutsAreNot() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RequestCounter counter = new RequestCounter();
    try (S3Storage storage = S3.storage(
        S3.options(Map.of("endpoint", "http://127.0.0.1:" + port, "maxAttempts", "3")), counter)) {
      URI key = URI.create("s3://b/t/_delta_log/00000000000000000000.json");
      IOException read = assertThrows(IOException.class, () -> storage.readAllBytes(key));
      assertTrue(read.getMessage().startsWith("the S3 request failed: "), read.getMessage());
      assertEquals(3, counter.attempts());
      counter.reset();
      IOException put = assertThrows(IOException.class, () -> storage.putIfAbsent(key, new byte[1]));
      assertTrue(put.getMessage().startsWith("the S3 request failed: "), put.getMessage());
      assertEquals(1, counter.attempts());
    }
  }
}
