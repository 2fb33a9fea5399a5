package io.delta4j.data.dv;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * Z85, the Base85 variant of ZeroMQ RFC 32 that PROTOCOL.md picks for deletion vectors because
 * its alphabet needs no escaping in JSON: inline vectors and the UUIDs of {@code u} vectors.
 *
 * <p>Every 4 bytes become 5 characters: the bytes as a big-endian unsigned 32-bit number, written
 * in base 85, most significant digit first. RFC 32 requires the input length to be a multiple of 4
 * (and the text length a multiple of 5); Delta-Spark pads inline vectors with zero bytes to get there
 * and records the unpadded size in {@code sizeInBytes}.
 *
 * <p>The decoder also reads the padded tail of the Rust {@code z85} crate (version 3 and later),
 * which Rust writers use: a last group of {@code n} = 1 to 3 bytes is written as {@code 4 - n}
 * {@code #} characters and then the bytes as a big-endian number in {@code n + 1} digits
 * ({@code ##093} is the 2 bytes {@code 03 00}). No RFC 32 group starts with {@code #} (84 x 85^4
 * exceeds 32 bits), so the two cannot be confused. kernel-rs's {@code cdf-table-with-dv} has such a
 * vector. Delta-Spark's decoder does not know this form: it wraps the group modulo 2^32 and reads
 * other bytes; here every other group above 32 bits is an error.
 *
 * <p>Written here because no well-kept Java library offers Z85 on its own (Commons Codec has
 * Base64 and Base32 but no Base85), and it is this small.
 */
final class Z85 {
  private Z85() {}

  private static final char[] ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".toCharArray();

  /** Character to digit value; -1 for characters outside the alphabet. */
  private static final byte[] DIGITS = new byte[128];

  static {
    Arrays.fill(DIGITS, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      DIGITS[ALPHABET[i]] = (byte) i;
    }
  }

  /** The number of characters of an encoded UUID (16 bytes). */
  static final int UUID_LENGTH = 20;

  /**
   * Decodes Z85 text; the last group may be a padded tail of 1 to 3 bytes (see above).
   *
   * @throws IllegalArgumentException when the length is not a multiple of 5, a character is not
   *     in the alphabet, or a group exceeds 32 bits; the message says which and where
   */
  static byte[] decode(String text) {
    if (text.length() % 5 != 0) {
      throw new IllegalArgumentException(
          "its length " + text.length() + " is not a multiple of 5, as Z85 requires");
    }
    int groups = text.length() / 5;
    int missing = groups == 0 ? 0 : padding(text, (groups - 1) * 5);
    byte[] out = new byte[groups * 4 - missing];
    for (int group = 0; group < groups; group++) {
      int start = group * 5;
      int bytes = group == groups - 1 ? 4 - missing : 4;
      long value = digits(text, start + 4 - bytes, start + 5);
      if (value >= 1L << (8 * bytes)) {
        throw new IllegalArgumentException(
            "the group at position " + start + " (" + text.substring(start, start + 5) + ") exceeds "
                + 8 * bytes + " bits");
      }
      for (int i = 0; i < bytes; i++) {
        out[group * 4 + i] = (byte) (value >>> (8 * (bytes - 1 - i)));
      }
    }
    return out;
  }

  /** The number of bytes a padded last group lacks: its leading {@code #} characters, 0 to 3. */
  private static int padding(String text, int start) {
    int hashes = 0;
    while (hashes < 5 && text.charAt(start + hashes) == '#') {
      hashes++;
    }
    if (hashes > 3) {
      throw new IllegalArgumentException(
          "the group at position " + start + " (" + text.substring(start, start + 5) + ") starts with "
              + hashes + " padding characters; at most 3 are possible");
    }
    return hashes;
  }

  /** The base-85 number written by the characters of {@code text} from {@code start} to {@code end}. */
  private static long digits(String text, int start, int end) {
    long value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      int digit = c < DIGITS.length ? DIGITS[c] : -1;
      if (digit < 0) {
        throw new IllegalArgumentException(
            "character '" + c + "' at position " + i + " is not in the Z85 alphabet");
      }
      value = value * 85 + digit;
    }
    return value;
  }

  /**
   * Encodes bytes, padding them with zero bytes to a multiple of 4 first, as Delta does for inline
   * vectors (the decoder then drops the padding using {@code sizeInBytes}).
   */
  static String encode(byte[] bytes) {
    byte[] padded = bytes.length % 4 == 0 ? bytes : Arrays.copyOf(bytes, (bytes.length + 3) / 4 * 4);
    StringBuilder out = new StringBuilder(padded.length / 4 * 5);
    char[] group = new char[5];
    for (int at = 0; at < padded.length; at += 4) {
      long value = ((padded[at] & 0xFFL) << 24) | ((padded[at + 1] & 0xFF) << 16)
          | ((padded[at + 2] & 0xFF) << 8) | (padded[at + 3] & 0xFF);
      for (int i = 4; i >= 0; i--) {
        group[i] = ALPHABET[(int) (value % 85)];
        value /= 85;
      }
      out.append(group);
    }
    return out.toString();
  }

  /** The 20-character form of a UUID in a {@code u} descriptor: its 16 bytes, most significant first. */
  static String encodeUuid(UUID uuid) {
    return encode(ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array());
  }

  /** Decodes the 20-character form of a UUID: its 16 bytes, most significant first. */
  static UUID decodeUuid(String text) {
    if (text.length() != UUID_LENGTH) {
      throw new IllegalArgumentException(
          "an encoded UUID has " + UUID_LENGTH + " characters, not " + text.length());
    }
    byte[] decoded = decode(text);
    if (decoded.length != 16) {
      throw new IllegalArgumentException("it decodes to " + decoded.length + " bytes, not the 16 of a UUID");
    }
    ByteBuffer bytes = ByteBuffer.wrap(decoded);
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
