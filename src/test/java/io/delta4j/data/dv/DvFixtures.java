package io.delta4j.data.dv;

import io.delta4j.log.action.DeletionVectorDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.zip.CRC32;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Deletion vectors built for tests, written by the RoaringBitmap library itself
 * ({@link Roaring64NavigableMap#serializePortable}), so that the reader is checked against an
 * encoder it does not share code with.
 */
final class DvFixtures {
  private DvFixtures() {}

  /** The serialized bitmap of {@code rows}: little-endian portable magic, then the portable format. */
  static byte[] portable(long... rows) {
    Roaring64NavigableMap map = new Roaring64NavigableMap(false /* signedLongs */);
    map.add(rows);
    map.runOptimize();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(BitmapFormat.PORTABLE).array());
      map.serializePortable(new DataOutputStream(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The row indexes of a serialized bitmap in the portable format, decoded by the library. */
  static long[] decodeWithLibrary(byte[] bitmap) {
    ByteBuffer in = ByteBuffer.wrap(bitmap).order(ByteOrder.LITTLE_ENDIAN);
    if (in.getInt() != BitmapFormat.PORTABLE) {
      throw new IllegalArgumentException("not the portable format");
    }
    Roaring64NavigableMap map = new Roaring64NavigableMap(false /* signedLongs */);
    try {
      map.deserializePortable(new DataInputStream(new ByteArrayInputStream(bitmap, 4, bitmap.length - 4)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map.toArray();
  }

  /** A DV file: its bytes and where each vector starts. */
  record DvFile(byte[] bytes, List<Integer> offsets) {}

  /** A DV file (format version 1) holding {@code bitmaps} one after the other, with sizes and CRCs. */
  static DvFile file(byte[]... bitmaps) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    out.write(1);
    DataOutputStream data = new DataOutputStream(out); // big-endian, as Delta writes size and CRC
    try {
      for (byte[] bitmap : bitmaps) {
        offsets.add(out.size());
        data.writeInt(bitmap.length);
        data.write(bitmap);
        CRC32 crc = new CRC32();
        crc.update(bitmap);
        data.writeInt((int) crc.getValue());
      }
      data.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DvFile(out.toByteArray(), offsets);
  }

  static DeletionVectorDescriptor inline(byte[] bitmap, long cardinality) {
    return new DeletionVectorDescriptor("i", Z85.encode(bitmap), OptionalInt.empty(), bitmap.length, cardinality);
  }

  /** The {@code pathOrInlineDv} of a {@code u} vector: the prefix, then the UUID in Z85. */
  static String uuidPath(String prefix, UUID uuid) {
    byte[] bytes = ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    return prefix + Z85.encode(bytes);
  }

  static DeletionVectorDescriptor relative(String prefix, UUID uuid, int offset, int size, long cardinality) {
    return new DeletionVectorDescriptor("u", uuidPath(prefix, uuid), OptionalInt.of(offset), size, cardinality);
  }
}
