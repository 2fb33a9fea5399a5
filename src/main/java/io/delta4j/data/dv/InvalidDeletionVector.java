package io.delta4j.data.dv;

/**
 * A deletion vector's bytes or descriptor break the format; the message says what is wrong.
 * Internal to this package: {@link DeletionVectors} turns it into a
 * {@link io.delta4j.CorruptLogException} that names the table and the vector.
 */
final class InvalidDeletionVector extends Exception {
  InvalidDeletionVector(String detail) {
    super(detail);
  }

  InvalidDeletionVector(String detail, Throwable cause) {
    super(detail, cause);
  }
}
