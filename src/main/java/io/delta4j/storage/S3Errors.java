package io.delta4j.storage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into the {@link IOException}s the storage SPI speaks. A missing key becomes
 * {@link NoSuchFileException} (callers fall back on it); everything else a plain
 * {@code IOException} whose message says what went wrong and what to check. Callers add the
 * location ({@code DeltaErrors.storage}), so messages here do not repeat it; they never contain a
 * credential.
 */
final class S3Errors {
  private S3Errors() {}

  static IOException translate(S3Location object, SdkException e) {
    if (e instanceof AwsServiceException service) {
      return translate(object, service);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("Unable to load credentials")) {
      return new IOException("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, choose a"
          + " profile with AWS_PROFILE, or give the storage options accessKeyId and secretAccessKey (" + message + ")", e);
    }
    return new IOException("the S3 request failed: " + message, e);
  }

  private static IOException translate(S3Location object, AwsServiceException e) {
    int status = e.statusCode();
    String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "" : e.awsErrorDetails().errorCode();
    String what = " (" + (code.isEmpty() ? "" : code + ", ") + "HTTP " + status + ")";
    return switch (code) {
      case "NoSuchBucket" -> new IOException("the bucket '" + object.bucket() + "' does not exist" + what
          + "; check the bucket name and the endpoint", e);
      case "NoSuchKey" -> missing(object, e);
      case "InvalidAccessKeyId" -> new IOException("the server does not know the access key id" + what
          + "; check AWS_ACCESS_KEY_ID, the AWS profile, or the storage option accessKeyId", e);
      case "SignatureDoesNotMatch" -> new IOException("the request signature does not match" + what
          + ": the secret access key does not belong to the access key id; check AWS_SECRET_ACCESS_KEY or the"
          + " storage option secretAccessKey", e);
      case "ExpiredToken", "InvalidToken", "TokenRefreshRequired" -> new IOException(
          "the session token is expired or invalid" + what + "; refresh the credentials", e);
      case "AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException" -> new IOException(
          "the bucket '" + object.bucket() + "' is in another region than the client's" + what
              + "; set AWS_REGION or the storage option region", e);
      default -> status == 404 && code.isEmpty() || code.equals("NotFound")
          ? missing(object, e) // HEAD answers carry no error code
          : status == 403
              ? new IOException("access denied" + what + ": the credentials lack permission for this request on"
                  + " bucket '" + object.bucket() + "'", e)
              : new IOException("S3 refused the request" + what + ": " + detail(e), e);
    };
  }

  private static NoSuchFileException missing(S3Location object, Exception cause) {
    NoSuchFileException e = new NoSuchFileException(object.uriOf(object.key()).toString());
    e.initCause(cause);
    return e;
  }

  private static String detail(AwsServiceException e) {
    return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
        ? e.awsErrorDetails().errorMessage()
        : e.getMessage();
  }
}
