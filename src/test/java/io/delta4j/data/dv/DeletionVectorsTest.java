package io.delta4j.data.dv;

import static io.delta4j.data.dv.DvFixtures.file;
import static io.delta4j.data.dv.DvFixtures.inline;
import static io.delta4j.data.dv.DvFixtures.portable;
import static io.delta4j.data.dv.DvFixtures.relative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CorruptLogException;
import io.delta4j.StorageException;
import io.delta4j.data.CountingStorage;
import io.delta4j.data.dv.DvFixtures.DvFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.storage.FileEntry;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.Locations;
import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

class DeletionVectorsTest {
  private static final String TABLE = "/data/t";
  private static final UUID ID = UUID.fromString("61d16c75-6994-46b7-a15b-8b538852e50e");
  private static final String FILE_NAME = "deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin";
  private static final long[] SPEC_ROWS = {3, 4, 7, 11, 18, 29};

  @TempDir Path dir;
  private final StorageBackend local = new LocalStorage();

  private URI root() {
    return Locations.tableRoot(dir.toString());
  }

  private static DeletedRows loadInline(DeletionVectorDescriptor dv) {
    return DeletionVectors.load(new NoStorage(), URI.create("file:///unused/"), dv, TABLE, "part-0.parquet");
  }

  private static CorruptLogException inlineFailure(DeletionVectorDescriptor dv) {
    return assertThrows(CorruptLogException.class, () -> loadInline(dv));
  }

  // --- Inline vectors and the three bitmap layouts ---

  /**
   * PROTOCOL.md "JSON Example 3 — Inline". Its bytes are not the portable layout the spec defines
   * but Delta's older native one written big-endian (magic 1681511376 as 64 39 d3 d0, then a bitmap
   * count of 1 and a size of 28); see {@link BitmapFormat} for why it is accepted.
   */
  @Test
  void specInlineExample() {
    DeletionVectorDescriptor dv = new DeletionVectorDescriptor(
        "i", "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", OptionalInt.empty(), 40, 6);
    byte[] bytes = Z85.decode(dv.pathOrInlineDv());
    assertArrayEquals(new byte[] {0x64, 0x39, (byte) 0xd3, (byte) 0xd0, 0, 0, 0, 1, 0, 0, 0, 0x1c},
        Arrays.copyOf(bytes, 12));
    assertArrayEquals(SPEC_ROWS, loadInline(dv).toArray());
  }

  /** The same rows with the portable header, as delta-kernel-rs tests the example. */
  @Test
  void specInlineExampleWithThePortableHeader() {
    DeletionVectorDescriptor dv = new DeletionVectorDescriptor(
        "i", "^Bg9^0rr910000000000iXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", OptionalInt.empty(), 44, 6);
    assertArrayEquals(portable(SPEC_ROWS), Z85.decode(dv.pathOrInlineDv()));
    assertArrayEquals(SPEC_ROWS, loadInline(dv).toArray());
  }

  /** Delta's native layout, little-endian as Delta's RoaringBitmapArray writes it; empty bitmaps fill gaps. */
  @Test
  void nativeLayout() throws IOException {
    byte[] low = bucket(3, 4, 7);
    byte[] empty = bucket();
    byte[] high = bucket(5);
    ByteBuffer out = ByteBuffer.allocate(4 + 4 + 3 * 4 + low.length + empty.length + high.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(BitmapFormat.NATIVE).putInt(3);
    out.putInt(low.length).put(low).putInt(empty.length).put(empty).putInt(high.length).put(high);
    assertArrayEquals(new long[] {3, 4, 7, (2L << 32) + 5}, loadInline(inline(out.array(), 4)).toArray());
  }

  @Test
  void portableVectorsOfManyShapes() {
    long b = 1L << 32;
    long[][] sets = {
      {}, {0}, {1, 2, 3, 1000, 70_000, b - 1, b, 5 * b + 3},
      LongStream.range(0, 100_000).filter(r -> r % 7 != 0).toArray(), // bitmap containers
      LongStream.range(10, 200_000).toArray(), // one run
    };
    for (long[] rows : sets) {
      byte[] bitmap = portable(rows);
      DeletedRows loaded = loadInline(inline(bitmap, rows.length));
      assertArrayEquals(rows, loaded.toArray());
      assertArrayEquals(DvFixtures.decodeWithLibrary(bitmap), loaded.toArray());
    }
  }

  /** dv-keys v1: the inline vector of file A. */
  @Test
  void inlineVectorOfTestsDataDvKeys() {
    DeletionVectorDescriptor dv = new DeletionVectorDescriptor(
        "i", "^Bg9^0rr910000000000iXQKl0rr91000315c8Xg0SSx7", OptionalInt.empty(), 36, 2);
    assertArrayEquals(new long[] {2, 5}, loadInline(dv).toArray());
  }

  @Test
  void inlineSizeIsUnpaddedByTheDescriptor() {
    // 3 buckets' worth of bytes is not a multiple of 4 in general: 4 + 8 + 3 * (4 + 18) = 78.
    long[] rows = {1, (1L << 32) + 1, (2L << 32) + 1};
    byte[] bitmap = portable(rows);
    assertTrue(bitmap.length % 4 != 0, "a size that needs padding");
    assertArrayEquals(rows, loadInline(inline(bitmap, 3)).toArray());
  }

  // --- Malformed inline vectors ---

  @Test
  void inlineThatIsNotZ85() {
    DeletionVectorDescriptor dv = new DeletionVectorDescriptor("i", "abc~efghij", OptionalInt.empty(), 8, 1);
    assertEquals("/data/t: Cannot read the inline deletion vector of part-0.parquet: its pathOrInlineDv is not"
        + " Z85: character '~' at position 3 is not in the Z85 alphabet.", inlineFailure(dv).getMessage());
  }

  @Test
  void inlineWhoseSizeDisagrees() {
    DeletionVectorDescriptor dv = new DeletionVectorDescriptor(
        "i", "^Bg9^0rr910000000000iXQKl0rr91000315c8Xg0SSx7", OptionalInt.empty(), 40, 2);
    assertEquals("/data/t: Cannot read the inline deletion vector of part-0.parquet: its sizeInBytes is 40 but"
        + " pathOrInlineDv decodes to 36 bytes (the size rounded up to a multiple of 4).",
        inlineFailure(dv).getMessage());
  }

  @Test
  void inlineWhoseCardinalityDisagrees() {
    CorruptLogException e = inlineFailure(inline(portable(2, 5), 3));
    assertEquals("/data/t: Cannot read the inline deletion vector of part-0.parquet: it holds 2 row indexes,"
        + " but the log's cardinality is 3.", e.getMessage());
    assertEquals(Optional.empty(), e.file());
  }

  @Test
  void unknownMagicNumber() {
    byte[] bitmap = portable(1, 2);
    bitmap[0] = 0x42;
    assertDetail(bitmap, 2, "it starts with the magic number 1681511234 (bytes 42 d3 39 64), not 1681511377"
        + " (d1 d3 39 64) as PROTOCOL.md \"Deletion Vector Format\" requires");
    // d0 is the native layout's magic: the rest must then be in that layout, and is not.
    bitmap[0] = (byte) 0xd0;
    assertDetail(bitmap, 2, "bitmap 0 at byte 12 is not a valid 32-bit RoaringBitmap:"
        + " org.roaringbitmap.InvalidRoaringFormat: I failed to find one of the"
        + " right cookies. 0");
  }

  @Test
  void malformedPortableFraming() {
    long b = 1L << 32;
    byte[] twoBuckets = portable(1, b + 1); // magic, count, key 0, bitmap (18 bytes), key 1, bitmap
    int secondKey = 4 + 8 + 4 + 18;

    byte[] trailing = Arrays.copyOf(twoBuckets, twoBuckets.length + 4);
    assertDetail(trailing, 2, "4 bytes follow the end of the bitmap at byte 56");

    byte[] negativeKey = twoBuckets.clone();
    ByteBuffer.wrap(negativeKey).order(ByteOrder.LITTLE_ENDIAN).putInt(secondKey, 0x8000_0000);
    assertDetail(negativeKey, 2, "bucket 1 has the key 2147483648, whose most significant bit is set; Delta"
        + " requires it to be 0 (row indexes below 2^63)");

    byte[] descending = twoBuckets.clone();
    ByteBuffer.wrap(descending).order(ByteOrder.LITTLE_ENDIAN).putInt(secondKey, 0);
    assertDetail(descending, 2, "the bucket keys are not strictly ascending: 0 follows 0");

    byte[] truncated = Arrays.copyOf(twoBuckets, twoBuckets.length - 2);
    assertDetail(truncated, 2, "bucket 1 at byte 38 is not a valid 32-bit RoaringBitmap: it ends before the"
        + " bitmap does");

    byte[] tooManyBuckets = twoBuckets.clone();
    ByteBuffer.wrap(tooManyBuckets).order(ByteOrder.LITTLE_ENDIAN).putLong(4, 1_000_000);
    assertDetail(tooManyBuckets, 2, "it declares 1000000 buckets, more than its 44 remaining bytes can hold");

    byte[] badCookie = twoBuckets.clone();
    badCookie[16] = 0x7f;
    assertTrue(inlineFailure(inline(badCookie, 2)).getMessage()
        .contains("bucket 0 at byte 16 is not a valid 32-bit RoaringBitmap: "));

    assertDetail(new byte[] {(byte) 0xd1, (byte) 0xd3}, 0, "its 2 bytes are too few to hold the 4-byte magic number");
    assertDetail(Arrays.copyOf(twoBuckets, 8), 0, "it ends inside the 8-byte bucket count");
  }

  private static void assertDetail(byte[] bitmap, long cardinality, String detail) {
    assertEquals("/data/t: Cannot read the inline deletion vector of part-0.parquet: " + detail + ".",
        inlineFailure(inline(bitmap, cardinality)).getMessage());
  }

  @Test
  void unknownStorageType() {
    DeletionVectorDescriptor dv = new DeletionVectorDescriptor("r", "dv/x.bin", OptionalInt.of(1), 36, 2);
    assertEquals("/data/t: Cannot read the deletion vector of part-0.parquet in dv/x.bin at offset 1: its storage"
        + " type 'r' is not one PROTOCOL.md defines (u, i, p).", inlineFailure(dv).getMessage());
    assertThrows(IllegalArgumentException.class, () -> DeletionVectors.fileLocation(URI.create("file:///t/"), dv));
  }

  // --- Locations ---

  @Test
  void fileLocations() {
    URI s3 = Locations.tableRoot("s3://mytable/");
    // PROTOCOL.md "JSON Example 1" and "JSON Example 2".
    DeletionVectorDescriptor u = new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", OptionalInt.of(4), 40, 6);
    assertEquals(Optional.of(URI.create("s3://mytable/ab/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin")),
        DeletionVectors.fileLocation(s3, u));
    DeletionVectorDescriptor p = new DeletionVectorDescriptor(
        "p", "s3://mytable/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin", OptionalInt.of(4), 40, 6);
    assertEquals(Optional.of(URI.create("s3://mytable/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin")),
        DeletionVectors.fileLocation(s3, p));
    assertEquals(Optional.empty(), DeletionVectors.fileLocation(s3, inline(portable(1), 1)));
    // No prefix: directly under the root.
    assertEquals(Optional.of(URI.create("s3://mytable/" + FILE_NAME)),
        DeletionVectors.fileLocation(s3, relative("", ID, 1, 36, 2)));
    // A prefix is a literal directory name (as Delta-Spark's Hadoop Path takes it), so it is encoded.
    assertEquals(Optional.of(URI.create("s3://mytable/a%25b%20c/" + FILE_NAME)),
        DeletionVectors.fileLocation(s3, relative("a%b c", ID, 1, 36, 2)));
  }

  @Test
  void malformedRelativePaths() {
    DeletionVectorDescriptor shortPath = new DeletionVectorDescriptor("u", "tooShort", OptionalInt.of(1), 36, 2);
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> DeletionVectors.load(local, root(), shortPath, TABLE));
    assertEquals("/data/t: Cannot read the deletion vector in tooShort at offset 1: a 'u' vector's pathOrInlineDv"
        + " ends with a 20-character Z85 UUID, but 'tooShort' has 8 characters.", e.getMessage());
    DeletionVectorDescriptor badUuid = new DeletionVectorDescriptor("u", "ab~Bn[lx{q8@P<9BNH/isA", OptionalInt.of(1), 36, 2);
    assertEquals("/data/t: Cannot read the deletion vector in ab~Bn[lx{q8@P<9BNH/isA at offset 1: the UUID"
        + " '~Bn[lx{q8@P<9BNH/isA' of pathOrInlineDv is not Z85: character '~' at position 0 is not in the Z85"
        + " alphabet.", assertThrows(CorruptLogException.class, () -> DeletionVectors.load(local, root(), badUuid, TABLE)).getMessage());
  }

  // --- DV files ---

  @Test
  void readsOnlyEachVectorsByteRange() throws IOException {
    long[][] sets = {{0, 9}, {3}, {1, 2, 3, 1L << 33}};
    byte[][] bitmaps = Arrays.stream(sets).map(DvFixtures::portable).toArray(byte[][]::new);
    DvFile dvFile = file(bitmaps);
    Files.createDirectories(dir.resolve("ab"));
    Files.write(dir.resolve("ab").resolve(FILE_NAME), dvFile.bytes());
    for (int i = 0; i < sets.length; i++) {
      CountingStorage storage = new CountingStorage();
      DeletionVectorDescriptor dv = relative("ab", ID, dvFile.offsets().get(i), bitmaps[i].length, sets[i].length);
      assertArrayEquals(sets[i], DeletionVectors.load(storage, root(), dv, TABLE, "part-0.parquet").toArray());
      assertEquals(1, storage.opens());
      assertEquals(1 + 4 + bitmaps[i].length + 4, storage.bytesRead(), "the version byte and the vector's range");
    }
  }

  @Test
  void absolutePathVectors() throws IOException {
    byte[] bitmap = portable(4, 5);
    Path other = Files.createDirectories(dir.resolve("elsewhere"));
    Files.write(other.resolve("my dv.bin"), file(bitmap).bytes());
    String encoded = other.resolve("my dv.bin").toUri().toString(); // file:///.../my%20dv.bin
    DeletionVectorDescriptor dv = new DeletionVectorDescriptor("p", encoded, OptionalInt.of(1), bitmap.length, 2);
    assertArrayEquals(new long[] {4, 5}, DeletionVectors.load(local, root(), dv, TABLE).toArray());
  }

  @Test
  void testFileNamePrefixHook() throws IOException {
    byte[] bitmap = portable(7);
    Files.write(dir.resolve("test%dv%prefix-" + FILE_NAME), file(bitmap).bytes());
    DeletionVectorDescriptor dv = relative("", ID, 1, bitmap.length, 1);
    assertThrows(CorruptLogException.class, () -> DeletionVectors.load(local, root(), dv, TABLE), "off by default");
    String before = System.setProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY, "test%dv%prefix-");
    try {
      assertArrayEquals(new long[] {7}, DeletionVectors.load(local, root(), dv, TABLE).toArray());
    } finally {
      restore(before);
    }
  }

  static void restore(String before) {
    if (before == null) {
      System.clearProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY);
    } else {
      System.setProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY, before);
    }
  }

  // --- Damaged DV files ---

  /** A file with the vectors {0, 9} at offset 1 and {3} after it; returns the descriptor of the first. */
  private DeletionVectorDescriptor writeFile(byte[] bytes) throws IOException {
    Files.write(dir.resolve(FILE_NAME), bytes);
    return relative("", ID, 1, portable(0, 9).length, 2);
  }

  private byte[] goodFile() {
    return file(portable(0, 9), portable(3)).bytes();
  }

  private CorruptLogException fileFailure(DeletionVectorDescriptor dv) {
    return assertThrows(CorruptLogException.class, () -> DeletionVectors.load(local, root(), dv, TABLE, "part-0.parquet"));
  }

  private static String fileMessage(String detail) {
    return "/data/t: Cannot read the deletion vector of part-0.parquet in " + FILE_NAME + " at offset 1: " + detail + ".";
  }

  @Test
  void flippedBitmapByteFailsTheChecksum() throws IOException {
    byte[] bytes = goodFile();
    bytes[1 + 4 + 20] ^= 0x10; // inside the first bitmap
    CRC32 good = new CRC32();
    good.update(portable(0, 9));
    CRC32 bad = new CRC32();
    bad.update(bytes, 5, 36);
    CorruptLogException e = fileFailure(writeFile(bytes));
    assertEquals(fileMessage(String.format("the CRC-32 of its 36 bytes is %08x, but the file records %08x: the file"
        + " is damaged", (int) bad.getValue(), (int) good.getValue())), e.getMessage());
    assertEquals(Optional.of(FILE_NAME), e.file());
  }

  @Test
  void flippedChecksumByte() throws IOException {
    byte[] bytes = goodFile();
    bytes[1 + 4 + 36 + 3] ^= 1;
    assertTrue(fileFailure(writeFile(bytes)).getMessage().contains("but the file records"));
  }

  @Test
  void sizeDisagreesWithTheLog() throws IOException {
    DeletionVectorDescriptor good = writeFile(goodFile());
    DeletionVectorDescriptor wrong = new DeletionVectorDescriptor(
        good.storageType(), good.pathOrInlineDv(), good.offset(), 40, good.cardinality());
    assertEquals(fileMessage("the file records a size of 36 bytes, but the log's sizeInBytes is 40"),
        fileFailure(wrong).getMessage());
  }

  @Test
  void sizeFieldDamaged() throws IOException {
    byte[] bytes = goodFile();
    bytes[1] = 0x7f;
    assertEquals(fileMessage("the file records a size of 2130706468 bytes, but the log's sizeInBytes is 36"),
        fileFailure(writeFile(bytes)).getMessage());
  }

  @Test
  void wrongMagicWithAValidChecksum() throws IOException {
    byte[] bitmap = portable(0, 9);
    bitmap[3] = 0x65;
    DeletionVectorDescriptor dv = writeFile(file(bitmap).bytes());
    assertEquals(fileMessage("it starts with the magic number 1698288593 (bytes d1 d3 39 65), not 1681511377"
        + " (d1 d3 39 64) as PROTOCOL.md \"Deletion Vector Format\" requires"), fileFailure(dv).getMessage());
  }

  @Test
  void cardinalityDisagreesWithTheLog() throws IOException {
    DeletionVectorDescriptor good = writeFile(goodFile());
    DeletionVectorDescriptor wrong = new DeletionVectorDescriptor(
        good.storageType(), good.pathOrInlineDv(), good.offset(), good.sizeInBytes(), 3);
    assertEquals(fileMessage("it holds 2 row indexes, but the log's cardinality is 3"), fileFailure(wrong).getMessage());
  }

  @Test
  void unknownFormatVersion() throws IOException {
    byte[] bytes = goodFile();
    bytes[0] = 2;
    assertEquals(fileMessage("the file has format version 2; PROTOCOL.md defines only version 1"),
        fileFailure(writeFile(bytes)).getMessage());
  }

  @Test
  void truncatedFile() throws IOException {
    byte[] bytes = Arrays.copyOf(file(portable(0, 9)).bytes(), 1 + 4 + 30);
    assertEquals(fileMessage("the file has 35 bytes and ends inside the vector, which needs 44 from offset 1"
        + " (4-byte size, 36-byte bitmap, 4-byte CRC-32)"), fileFailure(writeFile(bytes)).getMessage());
    assertEquals(fileMessage("the file is empty"), fileFailure(writeFile(new byte[0])).getMessage());
  }

  @Test
  void offsetOutsideTheData() throws IOException {
    DeletionVectorDescriptor good = writeFile(goodFile());
    DeletionVectorDescriptor beyond = new DeletionVectorDescriptor(
        good.storageType(), good.pathOrInlineDv(), OptionalInt.of(10_000), good.sizeInBytes(), 2);
    assertEquals("/data/t: Cannot read the deletion vector of part-0.parquet in " + FILE_NAME + " at offset 10000:"
        + " the file has 87 bytes, too few for a vector at offset 10000.", fileFailure(beyond).getMessage());
    DeletionVectorDescriptor none = new DeletionVectorDescriptor(
        good.storageType(), good.pathOrInlineDv(), OptionalInt.empty(), good.sizeInBytes(), 2);
    assertEquals("/data/t: Cannot read the deletion vector of part-0.parquet in " + FILE_NAME + " at offset 0:"
        + " it has no offset, which PROTOCOL.md reads as 0, but vectors start at byte 1 at the earliest: byte 0 is"
        + " the file's format version.", fileFailure(none).getMessage());
  }

  @Test
  void missingFile() {
    CorruptLogException e = fileFailure(relative("ab", ID, 1, 36, 2));
    assertEquals("/data/t: Cannot read the deletion vector of part-0.parquet in ab/" + FILE_NAME + " at offset 1:"
        + " the file " + root() + "ab/" + FILE_NAME + " does not exist; it may have been deleted (by VACUUM) after"
        + " the snapshot was read, or the table is incomplete.", e.getMessage());
  }

  @Test
  void storageFailureIsAStorageException() {
    StorageBackend failing = new NoStorage();
    StorageException e = assertThrows(StorageException.class,
        () -> DeletionVectors.load(failing, URI.create("file:///t/"), relative("", ID, 1, 36, 2), TABLE));
    assertEquals("/data/t: Cannot read the deletion vector file:///t/" + FILE_NAME + ": disk on fire.", e.getMessage());
  }

  private static byte[] bucket(int... values) throws IOException {
    RoaringBitmap bitmap = RoaringBitmap.bitmapOf(values);
    ByteBuffer out = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
    bitmap.serialize(out);
    return out.array();
  }

  /** Storage whose every read fails: inline vectors must not touch it. */
  private static final class NoStorage implements StorageBackend {
    @Override
    public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
      throw new IOException("disk on fire");
    }

    @Override
    public byte[] readAllBytes(URI location) throws IOException {
      throw new IOException("disk on fire");
    }

    @Override
    public Iterator<FileEntry> listFrom(URI start) throws IOException {
      throw new IOException("disk on fire");
    }

    @Override
    public void putIfAbsent(URI location, byte[] contents) throws IOException {
      throw new IOException("disk on fire");
    }

    @Override
    public OutputStream create(URI location) throws IOException {
      throw new IOException("disk on fire");
    }

    @Override
    public void delete(URI location) throws IOException {
      throw new IOException("disk on fire");
    }

    @Override
    public boolean exists(URI location) throws IOException {
      throw new IOException("disk on fire");
    }
  }
}
