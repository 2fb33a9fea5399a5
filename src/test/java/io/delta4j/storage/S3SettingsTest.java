package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delta4j.StorageOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class S3SettingsTest {
  private static final URI ROOT = URI.create("s3://bucket/t/");

  private static S3Settings settings(Map<String, String> options, Map<String, String> env) {
    return S3Settings.from(ROOT, StorageOptions.of(options), env::get);
  }

  private static String refused(Map<String, String> options) {
    return assertThrows(IllegalArgumentException.class, () -> settings(options, Map.of())).getMessage();
  }

  @Test
  void defaultsWithoutOptionsOrEnvironment() {
    S3Settings s = settings(Map.of(), Map.of());
    assertEquals(Optional.empty(), s.endpoint());
    assertFalse(s.pathStyle(), "virtual-host addressing on AWS");
    assertEquals(Optional.empty(), s.region());
    assertEquals(Optional.empty(), s.credentials());
    assertEquals(5, s.maxAttempts());
    assertFalse(s.adaptiveRetries());
    assertEquals(Duration.ofSeconds(10), s.connectTimeout());
    assertEquals(Duration.ofSeconds(60), s.socketTimeout());
    assertEquals(64, s.maxConnections());
    assertEquals(1000, s.listPageSize());
  }

  @Test
  void endpointComesFromOptionThenS3VariableThenGeneralVariable() {
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", "http://s3-only:9000", "AWS_ENDPOINT_URL", "http://all:9000");
    assertEquals(Optional.of(URI.create("http://opt:1")), settings(Map.of("endpoint", "http://opt:1"), env).endpoint());
    assertEquals(Optional.of(URI.create("http://s3-only:9000")), settings(Map.of(), env).endpoint());
    assertEquals(Optional.of(URI.create("http://all:9000")),
        settings(Map.of(), Map.of("AWS_ENDPOINT_URL", "http://all:9000", "AWS_ENDPOINT_URL_S3", " ")).endpoint());
  }

  @Test
  void anEndpointImpliesPathStyleUnlessToldOtherwise() {
    assertTrue(settings(Map.of("endpoint", "http://127.0.0.1:9000"), Map.of()).pathStyle());
    assertTrue(settings(Map.of(), Map.of("AWS_ENDPOINT_URL", "https://minio.local")).pathStyle());
    assertFalse(settings(Map.of("endpoint", "https://s3.example.com", "pathStyle", "false"), Map.of()).pathStyle());
    assertTrue(settings(Map.of("pathStyle", "TRUE"), Map.of()).pathStyle());
  }

  @Test
  void staticCredentialsNeverShowTheirSecrets() {
    S3Settings s = settings(Map.of("accessKeyId", "AKIDEXAMPLE", "secretAccessKey", "s3cr3t", "sessionToken", "tok"),
        Map.of());
    assertEquals("s3cr3t", s.credentials().orElseThrow().secretAccessKey());
    assertEquals(Optional.of("tok"), s.credentials().orElseThrow().sessionToken());
    assertFalse(s.toString().contains("s3cr3t"), s.toString());
    assertFalse(s.toString().contains("tok"), s.toString());
    StorageOptions options = StorageOptions.of(Map.of("secretAccessKey", "s3cr3t", "sessionToken", "tok", "region", "r"));
    assertEquals("StorageOptions{region=r, secretAccessKey=****, sessionToken=****}", options.toString());
  }

  @Test
  void badOptionsAreRefusedByName() {
    assertEquals("s3://bucket/t/: unknown storage option 'Region'; S3 tables know [accessKeyId, connectTimeoutMillis,"
            + " endpoint, listPageSize, maxAttempts, maxConnections, pathStyle, region, retryMode, secretAccessKey,"
            + " sessionToken, socketTimeoutMillis].",
        refused(Map.of("Region", "x")));
    assertEquals("s3://bucket/t/: the storage options accessKeyId and secretAccessKey go together; only accessKeyId"
        + " is given.", refused(Map.of("accessKeyId", "a")));
    String secretOnly = refused(Map.of("secretAccessKey", "hidden-value"));
    assertFalse(secretOnly.contains("hidden-value"), secretOnly);
    assertEquals("s3://bucket/t/: the storage option sessionToken needs accessKeyId and secretAccessKey.",
        refused(Map.of("sessionToken", "t")));
    assertEquals("s3://bucket/t/: the storage option maxAttempts must be a whole number from 1 to 100, not 'many'.",
        refused(Map.of("maxAttempts", "many")));
    assertEquals("s3://bucket/t/: the storage option listPageSize must be a whole number from 1 to 1000, not '5000'.",
        refused(Map.of("listPageSize", "5000")));
    assertEquals("s3://bucket/t/: the storage option pathStyle must be true or false, not 'yes'.",
        refused(Map.of("pathStyle", "yes")));
    assertEquals("s3://bucket/t/: the storage option retryMode must be standard or adaptive, not 'legacy'.",
        refused(Map.of("retryMode", "legacy")));
    assertEquals("s3://bucket/t/: the S3 endpoint 'localhost:9000' must be an http:// or https:// URL with a host.",
        refused(Map.of("endpoint", "localhost:9000")));
  }

  @Test
  void retryAndTimeoutOptions() {
    S3Settings s = settings(Map.of("maxAttempts", "10", "retryMode", "Adaptive", "connectTimeoutMillis", "500",
        "socketTimeoutMillis", "1500", "maxConnections", "8"), Map.of());
    assertEquals(10, s.maxAttempts());
    assertTrue(s.adaptiveRetries());
    assertEquals(Duration.ofMillis(500), s.connectTimeout());
    assertEquals(Duration.ofMillis(1500), s.socketTimeout());
    assertEquals(8, s.maxConnections());
  }

  @Test
  void regionOptionWins() {
    assertEquals(Region.of("eu-west-3"), S3ClientFactory.region(settings(Map.of("region", "eu-west-3"), Map.of())));
  }

  @Test
  void anEndpointWithoutAConfiguredRegionGetsUsEast1() {
    assumeTrue(System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null
        && System.getenv("AWS_PROFILE") == null && !Files.exists(Path.of(System.getProperty("user.home"), ".aws")),
        "a region is configured in this environment");
    assertEquals(Region.US_EAST_1, S3ClientFactory.region(settings(Map.of("endpoint", "http://h:1"), Map.of())));
  }
}
