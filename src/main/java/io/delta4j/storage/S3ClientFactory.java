package io.delta4j.storage;

import io.delta4j.storage.S3Settings.StaticCredentials;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Builds the {@link S3Client} of a table from its {@link S3Settings}. */
final class S3ClientFactory {
  private S3ClientFactory() {}

  /**
   * A client with the credentials provider it was built with: the client does not close a provider
   * it was handed, and the default chain may hold a refresh thread (instance roles, SSO).
   */
  record Client(S3Client s3, AwsCredentialsProvider credentials) implements AutoCloseable {
    @Override
    public void close() {
      try {
        s3.close(); // also closes the HTTP client, built from the builder handed to it
      } finally {
        if (credentials instanceof SdkAutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }

  /** @param interceptors extra SDK interceptors (tests count requests with one) */
  static Client build(S3Settings settings, List<ExecutionInterceptor> interceptors) {
    AwsCredentialsProvider credentials = settings.credentials()
        .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(toAws(c)))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    S3ClientBuilder builder = S3Client.builder()
        .region(region(settings))
        .credentialsProvider(credentials)
        .forcePathStyle(settings.pathStyle())
        .httpClientBuilder(Apache5HttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.socketTimeout())
            .maxConnections(settings.maxConnections()))
        .overrideConfiguration(o -> {
          o.retryStrategy(retryStrategy(settings));
          interceptors.forEach(o::addExecutionInterceptor);
        });
    if (settings.endpoint().isPresent()) {
      // S3-compatible servers often reject the CRC checksums (and aws-chunked uploads) the SDK
      // sends to AWS by default; ask for checksums only where the API requires them.
      builder.endpointOverride(settings.endpoint().get())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    } else {
      // The region is only a starting point on AWS: the client follows a bucket to its region.
      builder.crossRegionAccessEnabled(true);
    }
    return new Client(builder.build(), credentials);
  }

  private static AwsCredentials toAws(StaticCredentials c) {
    return c.sessionToken().isPresent()
        ? AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken().get())
        : AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey());
  }

  /**
   * The region option, else the AWS chain, else {@code us-east-1}. With an endpoint override the
   * chain skips the instance metadata service: a local server needs no region, and asking a
   * metadata service that is not there costs seconds.
   */
  static Region region(S3Settings settings) {
    if (settings.region().isPresent()) {
      return Region.of(settings.region().get());
    }
    AwsRegionProvider chain = settings.endpoint().isPresent()
        ? new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
        : DefaultAwsRegionProviderChain.builder().build();
    try {
      return chain.getRegion();
    } catch (SdkClientException noneConfigured) {
      return Region.US_EAST_1;
    }
  }

  private static RetryStrategy retryStrategy(S3Settings settings) {
    RetryStrategy base = settings.adaptiveRetries()
        ? AwsRetryStrategy.adaptiveRetryStrategy()
        : AwsRetryStrategy.standardRetryStrategy();
    return base.toBuilder().maxAttempts(settings.maxAttempts()).build();
  }
}
