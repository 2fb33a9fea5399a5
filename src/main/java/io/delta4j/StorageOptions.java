package io.delta4j;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings for a table's storage, as {@code key=value} strings (what the command line's
 * {@code --storage-option} passes). Immutable; {@link #toString()} hides secrets.
 *
 * <pre>{@code
 * DeltaTable t = DeltaTable.open("s3://bucket/events",
 *     StorageOptions.of(Map.of("endpoint", "http://127.0.0.1:9000", "region", "eu-west-1")));
 * }</pre>
 *
 * <p>Local tables ({@code file:}) take no options and ignore them. S3 tables ({@code s3://},
 * {@code s3a://}) know these keys; an unknown key is refused, so that a misspelt one does not go
 * unnoticed. Whatever is not given comes from the standard AWS configuration (environment,
 * {@code ~/.aws} profiles chosen by {@code AWS_PROFILE}, instance and container roles).
 * <table>
 *   <caption>S3 options</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code endpoint}</td><td>URL of an S3-compatible server (MinIO, Ceph, LocalStack)</td>
 *       <td>{@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}, else AWS</td></tr>
 *   <tr><td>{@code pathStyle}</td><td>{@code true} for {@code http://host/bucket/key} addressing</td>
 *       <td>{@code true} when an endpoint is set, else {@code false}</td></tr>
 *   <tr><td>{@code region}</td><td>AWS region</td>
 *       <td>the AWS region chain ({@code AWS_REGION}, profile, instance), else {@code us-east-1}</td></tr>
 *   <tr><td>{@code accessKeyId}, {@code secretAccessKey}, {@code sessionToken}</td>
 *       <td>static credentials (the first two together)</td><td>the AWS credentials chain</td></tr>
 *   <tr><td>{@code maxAttempts}</td><td>attempts per request, retries of throttling and transient
 *       errors included</td><td>{@code 5}</td></tr>
 *   <tr><td>{@code retryMode}</td><td>{@code standard} or {@code adaptive} (also slows the client
 *       down when throttled)</td><td>{@code standard}</td></tr>
 *   <tr><td>{@code connectTimeoutMillis}</td><td>connection timeout</td><td>{@code 10000}</td></tr>
 *   <tr><td>{@code socketTimeoutMillis}</td><td>longest wait for data on an open connection</td>
 *       <td>{@code 60000}</td></tr>
 *   <tr><td>{@code maxConnections}</td><td>HTTP connection pool size</td><td>{@code 64}</td></tr>
 *   <tr><td>{@code listPageSize}</td><td>keys per LIST request, 1 to 1000</td><td>{@code 1000}</td></tr>
 * </table>
 *
 * @param values the options by key
 */
public record StorageOptions(Map<String, String> values) {
  private static final StorageOptions NONE = new StorageOptions(Map.of());

  /** Keys whose values {@link #toString()} never shows. */
  private static final Set<String> SECRETS = Set.of("secretAccessKey", "sessionToken");

  public StorageOptions {
    Objects.requireNonNull(values, "values");
    values.forEach((k, v) -> {
      Objects.requireNonNull(k, "option key");
      Objects.requireNonNull(v, () -> "value of option " + k);
    });
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The options in {@code values}. */
  public static StorageOptions of(Map<String, String> values) {
    return new StorageOptions(values);
  }

  /** No options: everything comes from the environment. */
  public static StorageOptions none() {
    return NONE;
  }

  /** The value of {@code key}, if given. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The options with secret values masked, safe to log. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((k, v) -> shown.put(k, SECRETS.contains(k) ? "****" : v));
    return "StorageOptions" + shown;
  }
}
