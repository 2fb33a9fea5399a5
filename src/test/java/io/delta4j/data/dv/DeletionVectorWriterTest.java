package io.delta4j.data.dv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.StorageException;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.storage.Abortable;
import io.delta4j.storage.ForwardingStorage;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionVectorWriterTest {
  private static final String TABLE = "/data/t";

  @TempDir Path dir;
  private final StorageBackend local = new LocalStorage();

  private URI root() {
    return Locations.tableRoot(dir.toString());
  }

  private DeletedRows load(DeletionVectorDescriptor dv) {
    return DeletionVectors.load(local, root(), dv, TABLE);
  }

  /** Row sets of every container kind: array, bitmap, run, several buckets beyond 2^32. */
  private static List<long[]> shapes() {
    return List.of(
        new long[] {0, 9},
        LongStream.range(0, 10_000).filter(r -> r % 2 == 0).toArray(), // a bitmap container
        LongStream.range(100, 70_000).toArray(), // runs, across two 16-bit containers
        new long[] {5, (1L << 32) + 7, (3L << 32) | 0xFFFF_FFFFL}); // three buckets, one gap
  }

  @Test
  void severalVectorsInOneFileReadBackAtTheirOffsets() throws IOException {
    List<DeletedRows> vectors = shapes().stream().map(DeletedRows::of).toList();
    DeletionVectorFile written = DeletionVectorWriter.write(local, root(), TABLE, vectors);

    byte[] file = Files.readAllBytes(Path.of(written.location()));
    assertEquals(1, file[0], "format version");
    assertEquals(4, written.vectors().size());
    int expectedOffset = 1;
    for (int i = 0; i < vectors.size(); i++) {
      DeletionVectorDescriptor dv = written.vectors().get(i);
      assertEquals("u", dv.storageType());
      assertEquals(written.vectors().get(0).pathOrInlineDv(), dv.pathOrInlineDv(), "one file");
      assertEquals(Z85.UUID_LENGTH, dv.pathOrInlineDv().length(), "no prefix");
      assertEquals(expectedOffset, dv.offset().getAsInt());
      assertEquals(shapes().get(i).length, dv.cardinality());
      // Framing checked by hand: big-endian size, bitmap, big-endian CRC-32 of the bitmap.
      ByteBuffer bytes = ByteBuffer.wrap(file);
      assertEquals(dv.sizeInBytes(), bytes.getInt(expectedOffset));
      byte[] bitmap = Arrays.copyOfRange(file, expectedOffset + 4, expectedOffset + 4 + dv.sizeInBytes());
      CRC32 crc = new CRC32();
      crc.update(bitmap);
      assertEquals((int) crc.getValue(), bytes.getInt(expectedOffset + 4 + dv.sizeInBytes()));
      // The RoaringBitmap library, which shares no code with the writer, decodes the same rows.
      assertArrayEquals(shapes().get(i), DvFixtures.decodeWithLibrary(bitmap));
      // And so does the reader, through the descriptor.
      assertArrayEquals(shapes().get(i), load(dv).toArray());
      expectedOffset += 4 + dv.sizeInBytes() + 4;
    }
    assertEquals(expectedOffset, file.length, "nothing after the last vector");
    assertEquals(Optional.of(written.location()), DeletionVectors.fileLocation(root(), written.vectors().get(0)));
    assertTrue(Path.of(written.location()).getFileName().toString().matches("deletion_vector_[0-9a-f-]{36}\\.bin"));
  }

  @Test
  void runContainersWhereSmaller() {
    byte[] runs = BitmapFormat.write(DeletedRows.of(LongStream.range(0, 5000).toArray()));
    // magic 4, bucket count 8, key 4, then a run bitmap: cookie 4, run flags 1, key+cardinality 4, 1 run 2+4
    assertEquals(4 + 8 + 4 + 4 + 1 + 4 + 2 + 4, runs.length);
  }

  @Test
  void randomPrefixIsTheFilesDirectory() {
    DeletionVectorFile written = DeletionVectorWriter.write(local, root(), TABLE, "x7", List.of(DeletedRows.of(3)));
    DeletionVectorDescriptor dv = written.vectors().get(0);
    assertTrue(dv.pathOrInlineDv().startsWith("x7"), dv.pathOrInlineDv());
    assertEquals(2 + Z85.UUID_LENGTH, dv.pathOrInlineDv().length());
    assertEquals(dir.resolve("x7"), Path.of(written.location()).getParent());
    assertArrayEquals(new long[] {3}, load(dv).toArray());
  }

  @Test
  void eachFileHasItsOwnName() {
    DeletionVectorFile a = DeletionVectorWriter.write(local, root(), TABLE, List.of(DeletedRows.of(1)));
    DeletionVectorFile b = DeletionVectorWriter.write(local, root(), TABLE, List.of(DeletedRows.of(1)));
    assertFalse(a.location().equals(b.location()));
    assertArrayEquals(new long[] {1}, load(a.vectors().get(0)).toArray());
  }

  /** A further delete: the file's current vector, loaded from its DV file, joined with new rows. */
  @Test
  void unionWithAnExistingVector() {
    DeletionVectorFile first = DeletionVectorWriter.write(local, root(), TABLE, List.of(DeletedRows.of(2, 5, 1L << 33)));
    DeletedRows existing = load(first.vectors().get(0));
    DeletedRows merged = existing.union(DeletedRows.of(9, 5, 0));
    assertArrayEquals(new long[] {0, 2, 5, 9, 1L << 33}, merged.toArray());
    assertArrayEquals(new long[] {2, 5, 1L << 33}, existing.toArray(), "the loaded vector is unchanged");

    DeletionVectorFile second = DeletionVectorWriter.write(local, root(), TABLE, List.of(merged));
    assertEquals(5, second.vectors().get(0).cardinality());
    assertEquals(merged, load(second.vectors().get(0)));

    assertSame(existing, existing.union(DeletedRows.none()));
    assertSame(existing, DeletedRows.none().union(existing));
  }

  @Test
  void builderTakesAnyOrderAndStartsOverAfterBuild() {
    DeletedRowsBuilder builder = new DeletedRowsBuilder();
    builder.add(7).add(1L << 40).add(3).add(7).addAll(DeletedRows.of(4, 3));
    assertArrayEquals(new long[] {3, 4, 7, 1L << 40}, builder.build().toArray());
    assertTrue(builder.build().isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.add(-1));
    assertEquals("Row index -1 is negative; row indexes count the rows of a file from 0.", e.getMessage());
  }

  @Test
  void refusesWhatNeedsNoFile() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> DeletionVectorWriter.write(local, root(), TABLE, List.of()));
    assertEquals("No deletion vector to write: a DV file holds at least one.", none.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> DeletionVectorWriter.write(local, root(), TABLE, List.of(DeletedRows.of(1), DeletedRows.none())));
    assertEquals("Deletion vector 1 deletes no row; a data file without deleted rows needs no vector.",
        empty.getMessage());
    IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
        () -> DeletionVectorWriter.write(local, root(), TABLE, "a/b", List.of(DeletedRows.of(1))));
    assertEquals("The random prefix 'a/b' has the character '/'; use letters and digits only, as Delta does,"
        + " so that the directory name needs no escaping.", prefix.getMessage());
    assertEquals(0, listAll().size(), "nothing written");
  }

  /** The stream fails after some bytes: it is aborted, so no file, not even a temp file, remains. */
  @Test
  void failedWriteIsAbortedAndPublishesNothing() {
    FailingStorage storage = new FailingStorage(true);
    StorageException e = assertThrows(StorageException.class,
        () -> DeletionVectorWriter.write(storage, root(), TABLE, shapes().stream().map(DeletedRows::of).toList()));
    assertTrue(e.getMessage().startsWith(TABLE + ": Cannot write the deletion vector file " + storage.created),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(": injected failure."), e.getMessage());
    assertTrue(storage.aborted);
    assertEquals(List.of(), listAll());
  }

  /** A stream that cannot abort is closed and its file deleted. */
  @Test
  void failedWriteWithoutAbortDeletesTheFile() {
    FailingStorage storage = new FailingStorage(false);
    assertThrows(StorageException.class,
        () -> DeletionVectorWriter.write(storage, root(), TABLE, shapes().stream().map(DeletedRows::of).toList()));
    assertFalse(storage.aborted);
    assertEquals(List.of(), listAll());
  }

  private List<Path> listAll() {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Local storage whose streams fail once some bytes are written. */
  private static final class FailingStorage extends ForwardingStorage {
    private final boolean abortable;
    URI created;
    boolean aborted;

    FailingStorage(boolean abortable) {
      this.abortable = abortable;
    }

    @Override
    public OutputStream create(URI location) throws IOException {
      created = location;
      OutputStream real = super.create(location);
      OutputStream failing = new FilterOutputStream(real) {
        private int written;

        @Override
        public void write(int b) throws IOException {
          if (++written > 100) {
            throw new IOException("injected failure");
          }
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          for (int i = 0; i < len; i++) {
            write(b[off + i]);
          }
        }
      };
      if (!abortable) {
        return failing;
      }
      return new AbortableStream(failing, () -> {
        aborted = true;
        ((Abortable) real).abort();
      });
    }
  }

  private interface AbortAction {
    void run() throws IOException;
  }

  private static final class AbortableStream extends FilterOutputStream implements Abortable {
    private final AbortAction abort;

    AbortableStream(OutputStream out, AbortAction abort) {
      super(out);
      this.abort = abort;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void abort() throws IOException {
      abort.run();
    }
  }
}
