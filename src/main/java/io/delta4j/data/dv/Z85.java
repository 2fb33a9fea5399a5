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
 * (and the text length a multiple of 5); Delta pads inline vectors with zero bytes to get there and
 * records the unpadded size in {@code sizeInBytes}. Written here because no well-kept Java library
 * offers it on its own (Commons Codec has Base64 and Base32 but no Base85), and it is this small.
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
   * Decodes Z85 text.
   *
   * @throws IllegalArgumentException when the length is not a multiple of 5, a character is not
   *     in the alphabet, or a group of 5 exceeds 32 bits; the message says which and where
   */
  static byte[] decode(String text) {
    if (text.length() % 5 != 0) {
      throw new IllegalArgumentException(
          "its length " + text.length() + " is not a multiple of 5, as Z85 requires");
    }
    byte[] out = new byte[text.length() / 5 * 4];
    for (int group = 0; group < text.length() / 5; group++) {
      long value = 0;
      for (int i = group * 5; i < group * 5 + 5; i++) {
        char c = text.charAt(i);
        int digit = c < DIGITS.length ? DIGITS[c] : -1;
        if (digit < 0) {
          throw new IllegalArgumentException(
              "character '" + c + "' at position " + i + " is not in the Z85 alphabet");
        }
        value = value * 85 + digit;
      }
      if (value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "the group at position " + group * 5 + " (" + text.substring(group * 5, group * 5 + 5)
                + ") exceeds 32 bits");
      }
      int at = group * 4;
      out[at] = (byte) (value >>> 24);
      out[at + 1] = (byte) (value >>> 16);
      out[at + 2] = (byte) (value >>> 8);
      out[at + 3] = (byte) value;
    }
    return out;
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

  /** Decodes the 20-character form of a UUID: its 16 bytes, most significant first. */
  static UUID decodeUuid(String text) {
    if (text.length() != UUID_LENGTH) {
      throw new IllegalArgumentException(
          "an encoded UUID has " + UUID_LENGTH + " characters, not " + text.length());
    }
    ByteBuffer bytes = ByteBuffer.wrap(decode(text));
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
