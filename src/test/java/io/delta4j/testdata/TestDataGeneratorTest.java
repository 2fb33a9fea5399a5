package io.delta4j.testdata;

import static io.delta4j.testdata.JsonText.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code tests-data/} and its generator in step: a fresh generation must equal the committed
 * tables byte for byte. Also checks the generator's encoders against the examples of their specs,
 * since the tables are only as right as those.
 */
class TestDataGeneratorTest {
  private static final Path COMMITTED = Path.of("tests-data");
  private static final String REGENERATE =
      "mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && "
          + "java -cp target/test-classes:target/classes:$(cat target/cp.txt) "
          + "io.delta4j.testdata.TestDataGenerator tests-data";

  @Test
  void committedTablesEqualAFreshGeneration(@TempDir Path fresh) throws IOException {
    TestDataGenerator.generate(fresh);

    TreeSet<String> committed = files(COMMITTED);
    TreeSet<String> generated = files(fresh);
    assertTrue(!generated.isEmpty(), "the generator wrote nothing");
    TreeSet<String> missing = new TreeSet<>(generated);
    missing.removeAll(committed);
    TreeSet<String> extra = new TreeSet<>(committed);
    extra.removeAll(generated);
    List<String> differing = new ArrayList<>();
    for (String file : generated) {
      if (committed.contains(file) && Files.mismatch(COMMITTED.resolve(file), fresh.resolve(file)) != -1) {
        differing.add(file);
      }
    }
    assertTrue(
        missing.isEmpty() && extra.isEmpty() && differing.isEmpty(),
        "tests-data differs from a fresh generation; regenerate with\n  " + REGENERATE
            + "\nnot committed: " + missing + "\nnot generated: " + extra + "\ndiffering: " + differing);
  }

  @Test
  void readmeDescribesEveryTable() throws IOException {
    List<String> headings =
        Files.readAllLines(COMMITTED.resolve("README.md")).stream().filter(l -> l.startsWith("#")).toList();
    List<String> undescribed = new ArrayList<>();
    for (Path dir : List.of(COMMITTED, COMMITTED.resolve("broken"))) {
      try (Stream<Path> tables = Files.list(dir)) {
        tables.filter(Files::isDirectory)
            .map(t -> t.getFileName().toString())
            .filter(name -> !name.equals("broken"))
            .filter(name -> headings.stream().noneMatch(h -> Arrays.asList(h.split("[ `:/]+")).contains(name)))
            .forEach(undescribed::add);
      }
    }
    assertTrue(undescribed.isEmpty(), "tables without a heading in tests-data/README.md: " + undescribed);
  }

  @Test
  void lastCheckpointChecksumMatchesTheSpecExample() {
    // PROTOCOL.md "JSON checksum": the test vector, built with the same key order.
    var json =
        obj(
            "k0", "'v 0'",
            "checksum", "adsaskfljadfkjadfkj",
            "k1", obj("k2", 2, "k3", List.of("v3", List.of(1, 2), obj("k4", "v4", "k5", List.of("v5", "v6", "v7")))));
    assertEquals(
        "\"k0\"=\"%27v%200%27\",\"k1\"+\"k2\"=2,\"k1\"+\"k3\"+0=\"v3\",\"k1\"+\"k3\"+1+0=1,"
            + "\"k1\"+\"k3\"+1+1=2,\"k1\"+\"k3\"+2+\"k4\"=\"v4\",\"k1\"+\"k3\"+2+\"k5\"+0=\"v5\","
            + "\"k1\"+\"k3\"+2+\"k5\"+1=\"v6\",\"k1\"+\"k3\"+2+\"k5\"+2=\"v7\"",
        JsonChecksum.canonical(json));
    assertEquals("6a92d155a59bf2eecbd4b4ec7fd1f875", JsonChecksum.md5(json));
  }

  @Test
  void z85MatchesTheZeroMqExample() {
    // ZeroMQ RFC 32: the 8 bytes 86 4F D2 6F B5 59 F7 5B encode to "HelloWorld".
    assertEquals("HelloWorld", DvBytes.z85(HexFormat.of().parseHex("864fd26fb559f75b")));
  }

  @Test
  void bitmapContainersMatchTheSpecExample() {
    // PROTOCOL.md "JSON Example 3 - Inline" holds rows {3, 4, 7, 11, 18, 29}. Its 12-byte header
    // differs from the portable layout the spec's format section describes (it is the older
    // "native" layout: big-endian magic 1681511376, bitmap count and size), but the 32-bit
    // RoaringBitmap after it must be the same bytes as ours after our 16-byte header.
    byte[] example = z85Decode("wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L");
    byte[] ours = DvBytes.bitmap(3, 4, 7, 11, 18, 29);
    assertEquals(1681511376, ByteBuffer.wrap(example).getInt());
    assertArrayEquals(Arrays.copyOfRange(example, 12, 40), Arrays.copyOfRange(ours, 16, 44));
  }

  private static TreeSet<String> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      TreeSet<String> files = new TreeSet<>();
      paths.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !TestDataGenerator.HAND_WRITTEN.contains(p))
          .forEach(files::add);
      return files;
    }
  }

  private static byte[] z85Decode(String text) {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    ByteBuffer out = ByteBuffer.allocate(text.length() / 5 * 4);
    for (int i = 0; i < text.length(); i += 5) {
      long value = 0;
      for (int j = i; j < i + 5; j++) {
        value = value * 85 + alphabet.indexOf(text.charAt(j));
      }
      out.putInt((int) value);
    }
    return out.array();
  }
}
