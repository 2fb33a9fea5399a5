package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.storage.UriCodec.Parts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriCodecTest {
  @Test
  void encodesEveryAsciiCharacterAsTheJdkDoes() {
    for (char c = 1; c < 128; c++) {
      if (c == '/') {
        continue;
      }
      String name = "a" + c + "b";
      String jdk = Path.of("/" + name).toUri().getRawPath();
      assertEquals(jdk, "/" + UriCodec.encodePath(name), "character " + (int) c);
    }
  }

  @Test
  void encodesNonAsciiAsUtf8Escapes() {
    assertEquals("%C3%A9%E6%97%A5%F0%9F%98%80", UriCodec.encodePath("é日😀"));
    assertEquals(Path.of("/é日😀").toUri().getRawPath(), "/" + UriCodec.encodePath("é日😀"));
  }

  @Test
  void returnsTheSameStringWhenNothingNeedsEncoding() {
    String plain = "date=2024-01-01/part-00000.snappy.parquet";
    assertSame(plain, UriCodec.encodePath(plain));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/a/b        | /a/b",
        "/a/b/       | /a/b/",
        "/           | /",
        "/a//b       | /a/b",
        "//a         | /a",
        "/a/./b      | /a/b",
        "/a/b/.      | /a/b/",
        "/a/b/..     | /a/",
        "/a/../..    | /",
        "/../a       | /a",
        "/a/.b/..c   | /a/.b/..c",
      })
  void normalizesPaths(String path, String expected) {
    assertEquals(expected, UriCodec.normalizePath(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"part-0.parquet", "date=2024-01-01/part-0.parquet", "a+b,c;d@e", ".hidden", "..."})
  void plainRelativePaths(String path) {
    assertTrue(UriCodec.isPlainRelative(path), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/abs", "a//b", "./a", "a/../b", "a/.", "dir/", "a%20b", "a b", "é", "s3:x", "a#b"})
  void notPlainRelativePaths(String path) {
    assertFalse(UriCodec.isPlainRelative(path), path);
  }

  @Test
  void parsesEncodedAndLiteralInput() {
    assertEquals(new Parts("s3", "bucket", "/a b"), UriCodec.parse("S3://bucket/a%20b"));
    assertEquals(new Parts("s3", "bucket", "/a b"), UriCodec.parse("s3://bucket/a b"));
    assertEquals(new Parts(null, null, "p@#h"), UriCodec.parse("p@#h"));
    assertEquals(new Parts(null, null, "a?b"), UriCodec.parse("a?b"));
    assertEquals(new Parts(null, null, "100%"), UriCodec.parse("100%"));
    assertEquals(new Parts("file", null, "/x y"), UriCodec.parse("file:/x y"));
    assertEquals(new Parts("file", "localhost", "/x"), UriCodec.parse("file://localhost/x"));
    assertThrows(IllegalArgumentException.class, () -> UriCodec.parse("file:x y"));
  }
}
