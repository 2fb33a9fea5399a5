package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationsTest {
  private static final URI ROOT = URI.create("file:///data/t/");
  private static final String CWD = Path.of("").toAbsolutePath().toUri().toString();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/data/t                      | file:///data/t/",
        "/data/t/                     | file:///data/t/",
        "file:/data/t                 | file:///data/t/",
        "file:///data/t               | file:///data/t/",
        "file://localhost/data/t      | file:///data/t/",
        "FILE:/data/t/                | file:///data/t/",
        "/data/a/../t/./              | file:///data/t/",
        "file:///data/a/../t          | file:///data/t/",
        "/                            | file:///",
        "'/data/my table'             | file:///data/my%20table/",
        "file:/data/my%20table        | file:///data/my%20table/",
        "'file:/data/my table'        | file:///data/my%20table/",
        "/data/é/日本/😀              | file:///data/%C3%A9/%E6%97%A5%E6%9C%AC/%F0%9F%98%80/",
        "/data/100%/a#b?c             | file:///data/100%25/a%23b%3Fc/",
        "/data/a@b=c+d,e;f:g          | file:///data/a@b=c+d,e;f:g/",
        "s3://bucket/path             | s3://bucket/path/",
        "s3a://bucket/path/           | s3a://bucket/path/",
        "s3://bucket                  | s3://bucket/",
        "s3://bucket/                 | s3://bucket/",
        "S3://bucket/a/./b/../c       | s3://bucket/a/c/",
        "s3://bucket/a//b             | s3://bucket/a/b/",
        "'s3://bucket/my table'       | s3://bucket/my%20table/",
        "s3://bucket/my%20table       | s3://bucket/my%20table/",
        "s3://bucket/日本             | s3://bucket/%E6%97%A5%E6%9C%AC/",
      })
  void tableRootOfAbsoluteInput(String input, String expected) {
    assertEquals(URI.create(expected), Locations.tableRoot(input));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tests-data/x         | tests-data/x/",
        "tests-data/x/        | tests-data/x/",
        "./tests-data/../x    | x/",
        "'my table/日本'      | my%20table/%E6%97%A5%E6%9C%AC/",
        "~/t                  | ~/t/", // no home-directory expansion
        "C:/data              | C:/data/", // one letter is a drive, not a scheme; Windows is not ours
      })
  void tableRootOfRelativePathIsUnderWorkingDirectory(String input, String expectedUnderCwd) {
    assertEquals(URI.create(CWD + expectedUnderCwd), Locations.tableRoot(input));
  }

  @Test
  void tableRootRefusesWhatNamesNoTable() {
    assertEquals(
        "The table location is empty.",
        assertThrows(IllegalArgumentException.class, () -> Locations.tableRoot("")).getMessage());
    assertEquals(
        "'s3:///path' has no authority: write s3://<bucket or host>/<path>.",
        assertThrows(IllegalArgumentException.class, () -> Locations.tableRoot("s3:///path")).getMessage());
    assertEquals(
        "'file://server/share' names the host 'server'; file: URIs must name a local path, as in file:///path.",
        assertThrows(IllegalArgumentException.class, () -> Locations.tableRoot("file://server/share"))
            .getMessage());
    assertEquals(
        "'file:data' is not a hierarchical URI: a path after 'file:' must start with '/'",
        assertThrows(IllegalArgumentException.class, () -> Locations.tableRoot("file:data")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Locations.tableRoot("/data/nul\0byte"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "part-0.parquet                          | file:///data/t/part-0.parquet",
        "date=2024-01-01/part-0.snappy.parquet   | file:///data/t/date=2024-01-01/part-0.snappy.parquet",
        "special%20p@%23h                        | file:///data/t/special%20p@%23h",
        "'special p@#h'                          | file:///data/t/special%20p@%23h", // writer did not encode
        "special%20p%40%23h                      | file:///data/t/special%20p@%23h",
        "/some/abs/path                          | file:///some/abs/path",
        "file:/some/abs/path                     | file:///some/abs/path",
        "file:///some/abs/path                   | file:///some/abs/path",
        "file://localhost/some/abs/path          | file:///some/abs/path",
        "s3://bucket/key                         | s3://bucket/key",
        "S3A://bucket/a/../key                   | s3a://bucket/key",
        "%C3%A9/%E6%97%A5%E6%9C%AC.parquet       | file:///data/t/%C3%A9/%E6%97%A5%E6%9C%AC.parquet",
        "é/日本.parquet                          | file:///data/t/%C3%A9/%E6%97%A5%E6%9C%AC.parquet",
        "😀.parquet                              | file:///data/t/%F0%9F%98%80.parquet",
        "bar%2Dbar.snappy.parquet                | file:///data/t/bar-bar.snappy.parquet",
        "_2=bar+%252521/part.parquet             | file:///data/t/_2=bar+%252521/part.parquet", // stays double-encoded
        "a/../b/./c.parquet                      | file:///data/t/b/c.parquet",
        "../sibling/x.parquet                    | file:///data/sibling/x.parquet",
        "..//Users/x/foo.parquet                 | file:///data/Users/x/foo.parquet", // as Hadoop's Path resolves it
        "100%.parquet                            | file:///data/t/100%25.parquet",
        "a%zzb                                   | file:///data/t/a%25zzb",
        "x:y.parquet                             | file:///data/t/x:y.parquet", // one letter: not a scheme
      })
  void resolveAgainstLocalRoot(String logPath, String expected) {
    assertEquals(URI.create(expected), Locations.resolve(ROOT, logPath));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "part-0.parquet     | s3://bucket/t/part-0.parquet",
        "/abs/x             | s3://bucket/abs/x",
        "'a b#c'            | s3://bucket/t/a%20b%23c",
        "file:/x            | file:///x",
        "s3://other/k       | s3://other/k",
      })
  void resolveAgainstS3Root(String logPath, String expected) {
    assertEquals(URI.create(expected), Locations.resolve(URI.create("s3://bucket/t/"), logPath));
  }

  @Test
  void resolveNormalizesARootThatDidNotComeFromTableRoot() {
    assertEquals(URI.create("file:///data/t/x"), Locations.resolve(URI.create("file:/data/t"), "x"));
    assertEquals(URI.create("file:///data/t/x"), Locations.resolve(URI.create("file://localhost/data/./t/"), "x"));
  }

  @Test
  void resolveUnderRootWithSpecialCharactersTakesBothPaths() {
    URI root = Locations.tableRoot("/data/my table/日本");
    String base = "file:///data/my%20table/%E6%97%A5%E6%9C%AC/";
    assertEquals(URI.create(base + "x.parquet"), Locations.resolve(root, "x.parquet")); // plain fast path
    assertEquals(URI.create(base + "a%20b.parquet"), Locations.resolve(root, "a%20b.parquet"));
  }

  @Test
  void resolvedPathDecodesToTheFileName() {
    // golden log-replay-special-characters-b: the live file's decoded name is "special p@#h"
    Path file = Path.of(Locations.resolve(ROOT, "special%20p@%23h"));
    assertEquals("special p@#h", file.getFileName().toString());
    assertEquals(Path.of("/data/t/special p@#h"), file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:x", "ab:c"})
  void resolveRefusesOpaqueUris(String logPath) {
    assertThrows(IllegalArgumentException.class, () -> Locations.resolve(ROOT, logPath));
  }

  @Test
  void resolveRefusesARelativeRoot() {
    assertThrows(IllegalArgumentException.class, () -> Locations.resolve(URI.create("data/t/"), "x"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // golden canonicalized-paths-normal-{a,b}
        "/some/unqualified/absolute/path             | file:/some/unqualified/absolute/path",
        "/some/unqualified/absolute/path             | file:///some/unqualified/absolute/path",
        "/some/unqualified/absolute/path             | file://localhost/some/unqualified/absolute/path",
        // golden canonicalized-paths-special-{a,b}
        "/some/unqualified/with%20space/p@%23h       | file:/some/unqualified/with%20space/p@%23h",
        "/some/unqualified/with%20space/p@%23h       | file:///some/unqualified/with%20space/p@%23h",
        // golden log-replay-special-characters-a: decoded then re-encoded
        "special%20p@%23h                            | 'special p@#h'",
        "special%20p@%23h                            | special%20p%40%23h",
        "special%20p@%23h                            | /data/t/special%20p@%23h",
        // relative equals absolute under the root
        "part-0.parquet                              | file:///data/t/part-0.parquet",
        "part-0.parquet                              | file:/data/t/part-0.parquet",
        "part-0.parquet                              | /data/t/part-0.parquet",
        "part-0.parquet                              | ./part-0.parquet",
        "part-0.parquet                              | x/../part-0.parquet",
        "é.parquet                                   | %C3%A9.parquet",
        "é.parquet                                   | %c3%a9.parquet",
        "bar-bar.parquet                             | bar%2Dbar.parquet",
      })
  void canonicalizeEqualForTheSameFile(String a, String b) {
    assertEquals(Locations.canonicalize(ROOT, a), Locations.canonicalize(ROOT, b));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a%2520b.parquet    | a%20b.parquet", // an encoded %20 is a different name
        "s3a://b/k          | s3://b/k",
        "part-0.parquet     | /part-0.parquet",
        "Part-0.parquet     | part-0.parquet",
      })
  void canonicalizeDiffersForDifferentFiles(String a, String b) {
    assertNotEquals(Locations.canonicalize(ROOT, a), Locations.canonicalize(ROOT, b));
  }

  @Test
  void canonicalizeIsTheStringOfResolve() {
    for (String path : new String[] {"x", "special p@#h", "/a b", "file:/x", "é", "a/./b"}) {
      assertEquals(Locations.resolve(ROOT, path).toString(), Locations.canonicalize(ROOT, path), path);
    }
  }

  @Test
  void canonicalizeFollowsTheRootWhenRootsAlternate() {
    URI other = URI.create("s3://bucket/t/");
    for (int i = 0; i < 3; i++) {
      assertEquals("file:///data/t/x", Locations.canonicalize(ROOT, "x"));
      assertEquals("s3://bucket/t/x", Locations.canonicalize(other, "x"));
      assertEquals("file:///data/u/x", Locations.canonicalize(URI.create("file:///data/u/"), "x"));
    }
  }

  @Test
  void canonicalKeyIsRelativeUnderTheRootAndAbsoluteElsewhere() {
    URI root = Locations.tableRoot("/data/t");
    String plain = "date=2024-01-01/part-0.parquet";
    assertSame(plain, Locations.canonicalKey(root, plain), "a plain relative path is its own key");
    assertEquals("a%20b.parquet", Locations.canonicalKey(root, "a b.parquet"));
    assertEquals("a%20b.parquet", Locations.canonicalKey(root, "a%20b.parquet"));
    assertEquals("x.parquet", Locations.canonicalKey(root, "file:/data/t/x.parquet"));
    assertEquals("x.parquet", Locations.canonicalKey(root, "/data/t/./x.parquet"));
    assertEquals("file:///other/x.parquet", Locations.canonicalKey(root, "file:///other/x.parquet"));
    assertEquals(Locations.canonicalKey(root, "/some/abs/path"), Locations.canonicalKey(root, "file:/some/abs/path"));
  }
}
