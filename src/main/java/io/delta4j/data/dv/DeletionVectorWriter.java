package io.delta4j.data.dv;

import io.delta4j.DeltaErrors;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.storage.Abortable;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Writes deletion vectors to a new DV file (PROTOCOL.md "Deletion Vector File Storage Format"), as
 * a delete does: one file per delete holds the vectors of all the data files it touches, each
 * named by a {@code u} descriptor.
 *
 * <p>The file is {@code deletion_vector_<uuid>.bin} in the table root, or in the directory of an
 * optional random prefix, {@code <prefix>/deletion_vector_<uuid>.bin}, which Delta writes when
 * {@code delta.randomizeFilePrefixes} spreads files over object-store partitions. Its bytes: the
 * format version {@code 1}, then for each vector its size (4 bytes, big-endian), its bitmap
 * ({@link BitmapFormat#write}, the portable layout) and the CRC-32 of the bitmap (4 bytes,
 * big-endian). The descriptor's {@code pathOrInlineDv} is the prefix followed by the UUID in Z85.
 *
 * <p>The file becomes visible only when it is complete ({@link StorageBackend#create}); a writer
 * that fails midway aborts the stream, so no partial file is ever published.
 */
public final class DeletionVectorWriter {
  private DeletionVectorWriter() {}

  /**
   * Writes {@code vectors} to a new DV file in the table root.
   *
   * @see #write(StorageBackend, URI, String, String, List)
   */
  public static DeletionVectorFile write(
      StorageBackend storage, URI tableRoot, String table, List<DeletedRows> vectors) {
    return write(storage, tableRoot, table, "", vectors);
  }

  /**
   * Writes {@code vectors} to a new DV file under {@code randomPrefix}.
   *
   * @param tableRoot the table root, as {@link Locations#tableRoot} returns it
   * @param table the table as the user named it, for error messages
   * @param randomPrefix the file's directory, letters and digits only; empty for the table root
   * @param vectors the rows to delete, one set per data file; none may be empty (a file without
   *     deleted rows has no vector)
   * @return the file's location and one {@code u} descriptor per vector, in the same order
   * @throws IllegalArgumentException when there is no vector, one is empty, or the prefix is not
   *     alphanumeric
   * @throws io.delta4j.StorageException when the file cannot be written; nothing is published
   */
  public static DeletionVectorFile write(
      StorageBackend storage, URI tableRoot, String table, String randomPrefix, List<DeletedRows> vectors) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(tableRoot, "tableRoot");
    Objects.requireNonNull(table, "table");
    checkPrefix(randomPrefix);
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("No deletion vector to write: a DV file holds at least one.");
    }
    List<byte[]> bitmaps = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      if (vectors.get(i).isEmpty()) {
        throw new IllegalArgumentException(
            "Deletion vector " + i + " deletes no row; a data file without deleted rows needs no vector.");
      }
      bitmaps.add(BitmapFormat.write(vectors.get(i)));
    }
    UUID uuid = UUID.randomUUID();
    String name = "deletion_vector_" + uuid + ".bin";
    URI location = Locations.resolve(tableRoot, randomPrefix.isEmpty() ? name : randomPrefix + "/" + name);
    List<DeletionVectorDescriptor> descriptors = descriptors(randomPrefix + Z85.encodeUuid(uuid), vectors, bitmaps);
    OutputStream out = null;
    try {
      out = storage.create(location);
      writeFile(out, bitmaps);
      out.close();
    } catch (IOException | RuntimeException e) {
      abandon(storage, location, out, e);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw DeltaErrors.storage(table, "write the deletion vector file", location, e);
    }
    return new DeletionVectorFile(location, descriptors);
  }

  /** Each vector's descriptor: its offset follows the version byte and the vectors before it. */
  private static List<DeletionVectorDescriptor> descriptors(
      String pathOrInlineDv, List<DeletedRows> vectors, List<byte[]> bitmaps) {
    List<DeletionVectorDescriptor> out = new ArrayList<>(vectors.size());
    long offset = 1;
    for (int i = 0; i < bitmaps.size(); i++) {
      if (offset > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "Deletion vector " + i + " would start at byte " + offset
                + " of the DV file, beyond a descriptor's int offset: write the vectors to several files.");
      }
      int size = bitmaps.get(i).length;
      out.add(new DeletionVectorDescriptor(
          "u", pathOrInlineDv, OptionalInt.of((int) offset), size, vectors.get(i).cardinality()));
      offset += 4L + size + 4L;
    }
    return out;
  }

  private static void writeFile(OutputStream out, List<byte[]> bitmaps) throws IOException {
    DataOutputStream data = new DataOutputStream(out); // big-endian, as the file format wants
    data.writeByte(DeletionVectors.FILE_FORMAT_VERSION);
    CRC32 crc = new CRC32();
    for (byte[] bitmap : bitmaps) {
      crc.reset();
      crc.update(bitmap);
      data.writeInt(bitmap.length);
      data.write(bitmap);
      data.writeInt((int) crc.getValue());
    }
    data.flush();
  }

  /** Publishes nothing after a failure; a failure to clean up is added to {@code failure}. */
  private static void abandon(StorageBackend storage, URI location, OutputStream out, Exception failure) {
    if (out == null) {
      return;
    }
    try {
      if (out instanceof Abortable abortable) {
        abortable.abort();
      } else {
        // Without abort, closing publishes what was written: delete it again.
        out.close();
        storage.delete(location);
      }
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void checkPrefix(String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw new IllegalArgumentException(
            "The random prefix '" + prefix + "' has the character '" + c
                + "'; use letters and digits only, as Delta does, so that the directory name needs no escaping.");
      }
    }
  }
}
