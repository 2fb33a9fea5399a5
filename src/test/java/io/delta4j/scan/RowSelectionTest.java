package io.delta4j.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.data.dv.DeletedRows;
import io.delta4j.data.dv.DeletionVectors;
import io.delta4j.log.action.DeletionVectorDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

class RowSelectionTest {
  @TempDir Path dir;

  /** Deleted rows loaded the way scans load them, from a one-vector DV file. */
  private DeletedRows rows(long... rows) {
    try {
      Roaring64NavigableMap map = new Roaring64NavigableMap(false);
      map.add(rows);
      ByteArrayOutputStream bitmap = new ByteArrayOutputStream();
      bitmap.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1681511377).array());
      map.serializePortable(new DataOutputStream(bitmap));
      byte[] bytes = bitmap.toByteArray();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      file.write(1);
      file.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
      file.write(bytes);
      file.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
      Path path = Files.write(Files.createTempFile(dir, "dv", ".bin"), file.toByteArray());
      var dv = new DeletionVectorDescriptor("p", path.toUri().toString(), OptionalInt.of(1), bytes.length, rows.length);
      return DeletionVectors.load(io.delta4j.storage.StorageBackends.forUri(dir.toUri()), dir.toUri(), dv, "t");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Long> kept(RowSelection s, long upTo) {
    List<Long> out = new ArrayList<>();
    for (long r = 0; r < upTo; r++) {
      if (s.keeps(r)) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void allKeepsEveryRow() {
    assertTrue(RowSelection.all().keepsAll());
    assertFalse(RowSelection.all().isEmpty());
    assertEquals(List.of(0L, 1L, 2L), kept(RowSelection.all(), 3));
  }

  @Test
  void withoutDropsTheDeletedRows() {
    RowSelection s = RowSelection.without(rows(1, 3));
    assertFalse(s.keepsAll());
    assertFalse(s.isEmpty());
    assertEquals(List.of(0L, 2L, 4L), kept(s, 5));
    assertTrue(RowSelection.without(DeletedRows.none()).keepsAll());
  }

  @Test
  void differenceKeepsTheRowsOfOneVectorNotInTheOther() {
    DeletedRows before = rows(2, 3);
    DeletedRows after = rows(3, 5, 1L << 33); // a row index beyond 32 bits too
    assertEquals(List.of(5L), kept(RowSelection.difference(after, before), 10));
    assertTrue(RowSelection.difference(after, before).keeps(1L << 33));
    assertEquals(List.of(2L), kept(RowSelection.difference(before, after), 10));
    assertFalse(RowSelection.difference(after, before).isEmpty());
    assertTrue(RowSelection.difference(before, rows(1, 2, 3)).isEmpty());
    assertTrue(RowSelection.difference(DeletedRows.none(), before).isEmpty());
  }
}
