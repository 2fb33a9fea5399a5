package io.delta4j.data.dv;

import io.delta4j.DeltaErrors;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.storage.Locations;
import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Loads deletion vectors (PROTOCOL.md "Deletion Vectors", "Deletion Vector Format", "Deletion
 * Vector File Storage Format"): from a descriptor of an {@code add} or {@code remove} action to the
 * set of row indexes it deletes.
 *
 * <p>Storage types: {@code i}, the bitmap Z85-encoded in the log itself; {@code u}, a file
 * {@code <table>/<prefix>/deletion_vector_<uuid>.bin} named by an optional random prefix and a
 * 20-character Z85 UUID; {@code p}, a file at an absolute URI, encoded like {@code add.path}. A DV
 * file is one format-version byte ({@code 1}) and then, at each vector's {@code offset}, a 4-byte
 * big-endian size, the bitmap, and a 4-byte big-endian CRC-32 of the bitmap. Only that byte range
 * (and the version byte) is read: one file often holds the vectors of many data files.
 *
 * <p>Everything is checked against the log, so that a damaged or mismatched file is an error, not
 * silently wrong rows: the version byte, the recorded size against {@code sizeInBytes}, the CRC-32,
 * the magic number, the bitmap's framing, and its cardinality against {@code cardinality}. Each
 * failure is a {@link io.delta4j.CorruptLogException} naming the vector and what is wrong; a
 * storage failure is a {@link io.delta4j.StorageException}.
 *
 * <p>Nothing is cached: each call reads the vector again.
 */
public final class DeletionVectors {
  private DeletionVectors() {}

  /**
   * A test-only hook, off unless set: a system property whose value is put in front of the file
   * name of every {@code u} vector, {@code <prefix>/<value>deletion_vector_<uuid>.bin}.
   *
   * <p>Delta-Spark's own test tables ({@code table-with-dv-large}, {@code table-with-dv-small},
   * {@code partitioned-table-with-dv-large} in its test resources) were written in Spark's testing
   * mode, which names DV files {@code test%dv%prefix-deletion_vector_<uuid>.bin} while the
   * descriptors in the log say nothing of it ({@code DeltaSQLConf.TEST_DV_NAME_PREFIX}). A
   * spec-correct reader cannot find those files; set this property to {@code test%dv%prefix-} to
   * read them. The value is taken literally (no percent-decoding). Never set it for real tables:
   * every {@code u} vector would then be looked for under a wrong name. Read on each load.
   */
  public static final String TEST_FILE_NAME_PREFIX_PROPERTY = "delta4j.test.dvFileNamePrefix";

  /** The only DV file format version PROTOCOL.md defines. */
  static final int FILE_FORMAT_VERSION = 1;

  /**
   * The rows deleted by {@code dv}. Errors name the vector but not the data file it belongs to; use
   * {@link #load(StorageBackend, URI, DeletionVectorDescriptor, String, String)} when that is known.
   *
   * @param tableRoot the table root, as {@link Locations#tableRoot} returns it
   * @param table the table as the user named it, for error messages
   * @throws io.delta4j.CorruptLogException when the vector is missing, malformed or disagrees with
   *     its descriptor
   * @throws io.delta4j.StorageException when its file cannot be read
   */
  public static DeletedRows load(
      StorageBackend storage, URI tableRoot, DeletionVectorDescriptor dv, String table) {
    return read(storage, tableRoot, dv, table, null);
  }

  /**
   * The rows deleted by {@code dv}, the deletion vector of {@code dataFile} (its path as in the
   * log), which error messages name.
   *
   * @see #load(StorageBackend, URI, DeletionVectorDescriptor, String)
   */
  public static DeletedRows load(
      StorageBackend storage, URI tableRoot, DeletionVectorDescriptor dv, String table, String dataFile) {
    return read(storage, tableRoot, dv, table, Objects.requireNonNull(dataFile, "dataFile"));
  }

  /**
   * The absolute location of the file that holds {@code dv}; empty for an inline vector.
   *
   * @throws IllegalArgumentException when the descriptor's storage type is unknown or its path
   *     cannot be decoded
   */
  public static Optional<URI> fileLocation(URI tableRoot, DeletionVectorDescriptor dv) {
    return switch (dv.storageType()) {
      case "i" -> Optional.empty();
      case "u", "p" -> Optional.of(locate(tableRoot, dv).uri());
      default -> throw unknownStorageType(dv);
    };
  }

  /** A DV file: its location and its name for messages (the relative path for {@code u}). */
  private record Target(URI uri, String name) {}

  private static DeletedRows read(
      StorageBackend storage, URI tableRoot, DeletionVectorDescriptor dv, String table, String dataFile) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(tableRoot, "tableRoot");
    Objects.requireNonNull(dv, "dv");
    Objects.requireNonNull(table, "table");
    if (dv.storageType().equals("i")) {
      try {
        return checkCardinality(readInline(dv), dv);
      } catch (InvalidDeletionVector e) {
        throw DeltaErrors.corruptDeletionVector(table, null, 0, dataFile, e.getMessage(), e.getCause());
      }
    }
    Target target;
    try {
      target = locate(tableRoot, dv);
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.corruptDeletionVector(
          table, dv.pathOrInlineDv(), dv.offset().orElse(0), dataFile, e.getMessage(), e);
    }
    int offset = dv.offset().orElse(0);
    try {
      return checkCardinality(readFile(storage, target.uri(), dv), dv);
    } catch (InvalidDeletionVector e) {
      throw DeltaErrors.corruptDeletionVector(table, target.name(), offset, dataFile, e.getMessage(), e.getCause());
    } catch (NoSuchFileException e) {
      throw DeltaErrors.corruptDeletionVector(
          table, target.name(), offset, dataFile,
          "the file " + target.uri() + " does not exist; it may have been deleted (by VACUUM) after the"
              + " snapshot was read, or the table is incomplete",
          e);
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "read the deletion vector", target.uri(), e);
    }
  }

  private static DeletedRows readInline(DeletionVectorDescriptor dv) throws InvalidDeletionVector {
    byte[] decoded;
    try {
      decoded = Z85.decode(dv.pathOrInlineDv());
    } catch (IllegalArgumentException e) {
      throw new InvalidDeletionVector("its pathOrInlineDv is not Z85: " + e.getMessage(), e);
    }
    int size = dv.sizeInBytes();
    // Delta-Spark pads the bytes with zeros to a multiple of 4 before encoding and sizeInBytes drops
    // them; the z85 crate's padded tail (Rust writers) decodes to exactly sizeInBytes.
    if (size < 0 || size > decoded.length || decoded.length - size >= 4) {
      throw new InvalidDeletionVector(
          "its sizeInBytes is " + size + " but pathOrInlineDv decodes to " + decoded.length
              + " bytes (the size rounded up to a multiple of 4)");
    }
    return BitmapFormat.read(ByteBuffer.wrap(decoded, 0, size));
  }

  /**
   * Reads the version byte and the vector's range: size, bitmap, CRC-32, in two reads whatever the
   * file's size.
   */
  private static DeletedRows readFile(StorageBackend storage, URI location, DeletionVectorDescriptor dv)
      throws IOException, InvalidDeletionVector {
    int size = dv.sizeInBytes();
    int offset = dv.offset().orElse(0);
    if (size < 0) {
      throw new InvalidDeletionVector("its sizeInBytes is negative (" + size + ")");
    }
    if (offset < 1) {
      throw new InvalidDeletionVector(
          (dv.offset().isPresent() ? "its offset is " + offset : "it has no offset, which PROTOCOL.md reads as 0")
              + ", but vectors start at byte 1 at the earliest: byte 0 is the file's format version");
    }
    try (SeekableInput in = storage.open(location, OptionalLong.empty())) {
      long length = in.length();
      if (length == 0) {
        throw new InvalidDeletionVector("the file is empty");
      }
      byte[] version = new byte[1];
      in.seek(0);
      in.readFully(version, 0, 1);
      if (version[0] != FILE_FORMAT_VERSION) {
        throw new InvalidDeletionVector(
            "the file has format version " + (version[0] & 0xFF) + "; PROTOCOL.md defines only version "
                + FILE_FORMAT_VERSION);
      }
      long available = length - offset;
      if (available < 4) {
        throw new InvalidDeletionVector(
            "the file has " + length + " bytes, too few for a vector at offset " + offset);
      }
      // Size field, bitmap, CRC; no more than the file holds, so that a wrong size is reported as such.
      byte[] range = new byte[(int) Math.min(size + 8L, available)];
      in.seek(offset);
      in.readFully(range, 0, range.length);
      ByteBuffer bytes = ByteBuffer.wrap(range); // big-endian, as the size and CRC are written
      int recorded = bytes.getInt(0);
      if (recorded != size) {
        throw new InvalidDeletionVector(
            "the file records a size of " + Integer.toUnsignedString(recorded)
                + " bytes, but the log's sizeInBytes is " + size);
      }
      if (range.length < size + 8) {
        throw new InvalidDeletionVector(
            "the file has " + length + " bytes and ends inside the vector, which needs " + (size + 8L)
                + " from offset " + offset + " (4-byte size, " + size + "-byte bitmap, 4-byte CRC-32)");
      }
      CRC32 crc = new CRC32();
      crc.update(range, 4, size);
      int expected = bytes.getInt(4 + size);
      if ((int) crc.getValue() != expected) {
        throw new InvalidDeletionVector(String.format(
            "the CRC-32 of its %d bytes is %08x, but the file records %08x: the file is damaged",
            size, (int) crc.getValue(), expected));
      }
      return BitmapFormat.read(ByteBuffer.wrap(range, 4, size));
    } catch (EOFException e) {
      // The file shrank between length() and the read: report it as damaged, not as an I/O fault.
      throw new InvalidDeletionVector("the file ends before the vector does", e);
    }
  }

  private static DeletedRows checkCardinality(DeletedRows rows, DeletionVectorDescriptor dv)
      throws InvalidDeletionVector {
    if (rows.cardinality() != dv.cardinality()) {
      throw new InvalidDeletionVector(
          "it holds " + rows.cardinality() + " row indexes, but the log's cardinality is " + dv.cardinality());
    }
    return rows;
  }

  private static Target locate(URI tableRoot, DeletionVectorDescriptor dv) {
    if (dv.storageType().equals("p")) {
      // An absolute URI, encoded like add.path (so special characters arrive %-escaped).
      return new Target(Locations.resolve(tableRoot, dv.pathOrInlineDv()), dv.pathOrInlineDv());
    }
    if (!dv.storageType().equals("u")) {
      throw unknownStorageType(dv);
    }
    String encoded = dv.pathOrInlineDv();
    if (encoded.length() < Z85.UUID_LENGTH) {
      throw new IllegalArgumentException(
          "a 'u' vector's pathOrInlineDv ends with a " + Z85.UUID_LENGTH + "-character Z85 UUID, but '"
              + encoded + "' has " + encoded.length() + " characters");
    }
    String prefix = encoded.substring(0, encoded.length() - Z85.UUID_LENGTH);
    UUID uuid;
    try {
      uuid = Z85.decodeUuid(encoded.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the UUID '" + encoded.substring(prefix.length()) + "' of pathOrInlineDv is not Z85: " + e.getMessage(), e);
    }
    String fileName = System.getProperty(TEST_FILE_NAME_PREFIX_PROPERTY, "") + "deletion_vector_" + uuid + ".bin";
    // The prefix is a literal directory name, as Delta-Spark builds it (a Hadoop Path, not a URI):
    // it is encoded here, never decoded. Delta writes alphanumeric prefixes, so this rarely matters.
    String relative = prefix.isEmpty() ? fileName : prefix + "/" + fileName;
    return new Target(Locations.resolve(tableRoot, encodeLiteral(relative)), relative);
  }

  private static IllegalArgumentException unknownStorageType(DeletionVectorDescriptor dv) {
    return new IllegalArgumentException(
        "its storage type '" + dv.storageType() + "' is not one PROTOCOL.md defines (u, i, p)");
  }

  /** Percent-encodes a literal relative path for {@link Locations#resolve}, keeping its slashes. */
  private static String encodeLiteral(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
