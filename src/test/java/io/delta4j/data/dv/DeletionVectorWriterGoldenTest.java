package io.delta4j.data.dv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.delta4j.SharedTables;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.Locations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer reproduces Delta's DV files byte for byte: for every DV file of the reference tables,
 * the row sets read from it, written again from plain row indexes, give the same file.
 */
class DeletionVectorWriterGoldenTest {
  @TempDir Path dir;

  static List<Path> dvFiles() {
    return SharedTables.files(SharedTables.root(), p -> p.getFileName().toString().matches(".*deletion_vector_.*\\.bin"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dvFiles")
  void sameBytesAsDelta(Path golden) throws IOException, InvalidDeletionVector {
    byte[] expected = Files.readAllBytes(golden);
    List<DeletedRows> vectors = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(expected);
    in.position(1);
    while (in.hasRemaining()) {
      int size = in.getInt();
      DeletedRows read = BitmapFormat.read(ByteBuffer.wrap(expected, in.position(), size));
      vectors.add(DeletedRows.of(read.toArray())); // rebuilt from indexes, not from Delta's containers
      in.position(in.position() + size + 4);
    }
    DeletionVectorFile written =
        DeletionVectorWriter.write(new LocalStorage(), Locations.tableRoot(dir.toString()), "t", vectors);
    byte[] actual = Files.readAllBytes(Path.of(written.location()));
    assertArrayEquals(expected, actual);
  }
}
