package io.delta4j.data.dv;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * Reads and writes the serialized bitmap of a deletion vector (PROTOCOL.md "Deletion Vector
 * Format"): a little-endian int32 magic number, then the row indexes; {@link #write} produces the
 * portable layout only. The layout after the magic number is framing only; each 32-bit bucket is
 * a standard RoaringBitmap serialization that the library reads and writes.
 *
 * <p>Three layouts, told apart by the magic number:
 * <ul>
 *   <li>{@value #PORTABLE}, the one PROTOCOL.md defines and every writer produces: RoaringBitmap's
 *       64-bit "portable" format, an int64 bucket count, then per bucket an int32 key (the high 32
 *       bits of its row indexes, ascending, most significant bit 0 as Delta requires) and the
 *       bucket's 32-bit RoaringBitmap;</li>
 *   <li>{@value #NATIVE}, Delta's older "native" layout, which Delta's own reader still accepts: an
 *       int32 bitmap count, then per bitmap an int32 byte size and the 32-bit RoaringBitmap, the
 *       bitmap's position in the array being its key;</li>
 *   <li>the native layout written big-endian (magic bytes {@code 64 39 D3 D0}), the layout of
 *       PROTOCOL.md's only inline example ({@code wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L},
 *       rows 3, 4, 7, 11, 18, 29). No known writer produces it, and Delta-Spark's little-endian
 *       reader refuses it (it reads the magic as -791463580); delta-kernel-rs tests a copy re-headed
 *       with the portable magic instead. It is accepted here because it is the specification's own
 *       example and its first bytes cannot be mistaken for either other layout.</li>
 * </ul>
 * Whatever the layout, the bitmap must fill its bytes exactly: trailing bytes are an error.
 */
final class BitmapFormat {
  private BitmapFormat() {}

  static final int PORTABLE = 1681511377;
  static final int NATIVE = 1681511376;

  /**
   * The row indexes in {@code bytes} (position to limit, which must be the vector's whole size).
   *
   * @throws InvalidDeletionVector when the magic number is unknown or the bytes are malformed
   */
  static DeletedRows read(ByteBuffer bytes) throws InvalidDeletionVector {
    ByteBuffer in = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (in.remaining() < 4) {
      throw new InvalidDeletionVector(
          "its " + in.remaining() + " bytes are too few to hold the 4-byte magic number");
    }
    int magic = in.getInt();
    DeletedRows rows;
    if (magic == PORTABLE) {
      rows = readPortable(in);
    } else if (magic == NATIVE) {
      rows = readNative(in);
    } else if (magic == Integer.reverseBytes(NATIVE)) {
      rows = readNative(in.order(ByteOrder.BIG_ENDIAN));
    } else {
      throw new InvalidDeletionVector(
          "it starts with the magic number " + magic + " (bytes " + hex(bytes, 4)
              + "), not " + PORTABLE + " (d1 d3 39 64) as PROTOCOL.md \"Deletion Vector Format\" requires");
    }
    if (in.hasRemaining()) {
      throw new InvalidDeletionVector(
          in.remaining() + " bytes follow the end of the bitmap at byte " + in.position());
    }
    return rows;
  }

  /**
   * The bytes of {@code rows} in the portable layout, magic number first: what a DV file holds
   * between a vector's size and its CRC. Only non-empty buckets are written; the format allows gaps
   * between keys, and Delta-Spark's reader fills them.
   *
   * @throws IllegalArgumentException when the bytes would not fit the descriptor's int
   *     {@code sizeInBytes}
   */
  static byte[] write(DeletedRows rows) {
    long size = 4 + 8;
    for (int i = 0; i < rows.bucketCount(); i++) {
      size += 4 + rows.bucket(i).serializedSizeInBytes();
    }
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "A deletion vector of " + rows.cardinality() + " rows takes " + size
              + " bytes, more than a descriptor's sizeInBytes (an int) can state.");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(PORTABLE);
    out.putLong(rows.bucketCount());
    for (int i = 0; i < rows.bucketCount(); i++) {
      out.putInt(rows.key(i));
      rows.bucket(i).serialize(out); // little-endian whatever the order; moves the position
    }
    return out.array();
  }

  private static DeletedRows readPortable(ByteBuffer in) throws InvalidDeletionVector {
    if (in.remaining() < 8) {
      throw new InvalidDeletionVector("it ends inside the 8-byte bucket count");
    }
    long count = in.getLong();
    // Each bucket takes at least 12 bytes: its key and an empty bitmap's 8-byte header.
    if (count < 0 || count > in.remaining() / 12) {
      throw new InvalidDeletionVector(
          "it declares " + Long.toUnsignedString(count) + " buckets, more than its "
              + in.remaining() + " remaining bytes can hold");
    }
    List<Integer> keys = new ArrayList<>();
    List<RoaringBitmap> buckets = new ArrayList<>();
    long previous = -1;
    for (long i = 0; i < count; i++) {
      if (in.remaining() < 4) {
        throw new InvalidDeletionVector("it ends inside the key of bucket " + i + " of " + count);
      }
      int key = in.getInt();
      if (key < 0) {
        throw new InvalidDeletionVector(
            "bucket " + i + " has the key " + Integer.toUnsignedString(key)
                + ", whose most significant bit is set; Delta requires it to be 0 (row indexes below 2^63)");
      }
      if (key <= previous) {
        throw new InvalidDeletionVector(
            "the bucket keys are not strictly ascending: " + key + " follows " + previous);
      }
      previous = key;
      RoaringBitmap bucket = readBucket(in, "bucket " + key);
      if (!bucket.isEmpty()) {
        keys.add(key);
        buckets.add(bucket);
      }
    }
    return rows(keys, buckets);
  }

  private static DeletedRows readNative(ByteBuffer in) throws InvalidDeletionVector {
    if (in.remaining() < 4) {
      throw new InvalidDeletionVector("it ends inside the 4-byte bitmap count");
    }
    int count = in.getInt();
    if (count < 0 || count > in.remaining() / 12) {
      throw new InvalidDeletionVector(
          "it declares " + Integer.toUnsignedString(count) + " bitmaps, more than its "
              + in.remaining() + " remaining bytes can hold");
    }
    List<Integer> keys = new ArrayList<>();
    List<RoaringBitmap> buckets = new ArrayList<>();
    for (int key = 0; key < count; key++) {
      if (in.remaining() < 4) {
        throw new InvalidDeletionVector("it ends inside the size of bitmap " + key + " of " + count);
      }
      int size = in.getInt();
      if (size < 0 || size > in.remaining()) {
        throw new InvalidDeletionVector(
            "bitmap " + key + " declares " + Integer.toUnsignedString(size) + " bytes but "
                + in.remaining() + " remain");
      }
      int end = in.position() + size;
      RoaringBitmap bucket = readBucket(in, "bitmap " + key);
      if (in.position() != end) {
        throw new InvalidDeletionVector(
            "bitmap " + key + " declares " + size + " bytes but its RoaringBitmap takes "
                + (in.position() - end + size));
      }
      if (!bucket.isEmpty()) {
        keys.add(key);
        buckets.add(bucket);
      }
    }
    return rows(keys, buckets);
  }

  /** A standard 32-bit RoaringBitmap at the position of {@code in}, which it then passes. */
  private static RoaringBitmap readBucket(ByteBuffer in, String what) throws InvalidDeletionVector {
    RoaringBitmap bitmap = new RoaringBitmap();
    try {
      // The library reads little-endian whatever the buffer's order, and does not move it.
      bitmap.deserialize(in.slice().order(ByteOrder.LITTLE_ENDIAN));
    } catch (IOException | RuntimeException e) {
      // The library wraps its InvalidRoaringFormat in an IOException: report the innermost message.
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String cause = root instanceof BufferUnderflowException || root instanceof IndexOutOfBoundsException
          ? "it ends before the bitmap does"
          : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      throw new InvalidDeletionVector(
          what + " at byte " + in.position() + " is not a valid 32-bit RoaringBitmap: " + cause, e);
    }
    // A bitmap's serialized size follows from its container types and cardinalities, which
    // deserializing keeps, so this is exactly the number of bytes read.
    int size = bitmap.serializedSizeInBytes();
    if (size > in.remaining()) {
      throw new InvalidDeletionVector(what + " at byte " + in.position() + " ends after the vector does");
    }
    in.position(in.position() + size);
    return bitmap;
  }

  private static DeletedRows rows(List<Integer> keys, List<RoaringBitmap> buckets) {
    int[] keyArray = new int[keys.size()];
    for (int i = 0; i < keyArray.length; i++) {
      keyArray[i] = keys.get(i);
    }
    return new DeletedRows(keyArray, buckets.toArray(new RoaringBitmap[0]));
  }

  private static String hex(ByteBuffer bytes, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n && i < bytes.remaining(); i++) {
      out.append(i == 0 ? "" : " ").append(String.format("%02x", bytes.get(bytes.position() + i)));
    }
    return out.toString();
  }
}
