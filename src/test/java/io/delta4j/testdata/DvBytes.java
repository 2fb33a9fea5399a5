package io.delta4j.testdata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Deletion vector bytes as PROTOCOL.md "Deletion Vector Format" describes them: the little-endian
 * magic {@code 1681511377}, then a 64-bit RoaringBitmap in the portable format (int64 bucket count;
 * per bucket an int32 key and a standard 32-bit RoaringBitmap). Only what the test tables need:
 * row indexes below 65536, so one bucket with one array container.
 */
final class DvBytes {
  static final int PORTABLE_MAGIC = 1681511377;
  private static final int SERIAL_COOKIE_NO_RUNCONTAINER = 12346;
  private static final String Z85 =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

  private DvBytes() {}

  /** The serialized bitmap of ascending row indexes, each in [0, 65536). */
  static byte[] bitmap(int... rows) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] > 0xFFFF || (i > 0 && rows[i] <= rows[i - 1])) {
        throw new IllegalArgumentException("rows must ascend within [0, 65536)");
      }
    }
    int containers = rows.length == 0 ? 0 : 1;
    ByteBuffer buf = ByteBuffer.allocate(4 + 8 + 4 + 8 + containers * 8 + rows.length * 2);
    buf.order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(PORTABLE_MAGIC);
    buf.putLong(1); // numBuckets
    buf.putInt(0); // bucket key: the high 32 bits of every row index
    int start = buf.position();
    buf.putInt(SERIAL_COOKIE_NO_RUNCONTAINER);
    buf.putInt(containers);
    if (containers == 1) {
      buf.putShort((short) 0); // container key: the high 16 bits of the low 32
      buf.putShort((short) (rows.length - 1)); // cardinality - 1
      buf.putInt(buf.position() + 4 - start); // offset header: where the container data starts
      for (int row : rows) {
        buf.putShort((short) row); // an array container: sorted 16-bit values
      }
    }
    return buf.array();
  }

  /**
   * A deletion vector file (PROTOCOL.md "Deletion Vector File Storage Format"): version byte 1,
   * then per bitmap a big-endian int32 size, the bitmap, and a big-endian CRC-32 of the bitmap.
   * The offset of bitmap i is {@code 1 + sum over j < i of (size_j + 8)}.
   */
  static byte[] file(byte[]... bitmaps) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    for (byte[] bitmap : bitmaps) {
      CRC32 crc = new CRC32();
      crc.update(bitmap);
      out.writeBytes(ByteBuffer.allocate(4).putInt(bitmap.length).array());
      out.writeBytes(bitmap);
      out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
    return out.toByteArray();
  }

  /** Z85 (ZeroMQ RFC 32) of bytes whose length is a multiple of 4. */
  static String z85(byte[] bytes) {
    if (bytes.length % 4 != 0) {
      throw new IllegalArgumentException("Z85 needs a multiple of 4 bytes, got " + bytes.length);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes.length; i += 4) {
      long value = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, i, 4).getInt());
      char[] group = new char[5];
      for (int j = 4; j >= 0; j--) {
        group[j] = Z85.charAt((int) (value % 85));
        value /= 85;
      }
      out.append(group);
    }
    return out.toString();
  }

  /** The 20-character Z85 form of a UUID in a {@code u} descriptor (big-endian msb, then lsb). */
  static String z85(UUID uuid) {
    return z85(
        ByteBuffer.allocate(16)
            .putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits())
            .array());
  }
}
