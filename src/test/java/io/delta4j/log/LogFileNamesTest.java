package io.delta4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.storage.FileEntry;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LogFileNamesTest {
  private static final URI DIR = URI.create("file:/t/_delta_log/");

  private static LogFile parse(String name) {
    return LogFileNames.parse(DIR, new FileEntry(DIR.resolve(name), 1, 1)).orElseThrow();
  }

  private static boolean recognised(String name) {
    return LogFileNames.parse(DIR, new FileEntry(DIR.resolve(name), 1, 1)).isPresent();
  }

  @Test
  void paddsVersionsToTwentyDigits() {
    assertEquals("00000000000000000007", LogFileNames.paddedVersion(7));
    assertEquals("00000000000000000012.json", LogFileNames.commit(12));
    assertEquals("00000000000000000010.checkpoint.parquet", LogFileNames.classicCheckpoint(10));
  }

  @Test
  void recognisesEveryKind() {
    assertEquals(LogFile.Kind.COMMIT, parse("00000000000000000003.json").kind());
    assertEquals(3, parse("00000000000000000003.json").version());
    assertEquals(LogFile.Kind.CLASSIC_CHECKPOINT, parse("00000000000000000010.checkpoint.parquet").kind());
    LogFile part = parse("00000000000000000010.checkpoint.0000000002.0000000003.parquet");
    assertEquals(LogFile.Kind.MULTIPART_CHECKPOINT, part.kind());
    assertEquals(2, part.part());
    assertEquals(3, part.parts());
    assertEquals(LogFile.Kind.V2_CHECKPOINT,
        parse("00000000000000000002.checkpoint.80a083e8-7026-4e79-81be-64bd76c43a11.json").kind());
    assertEquals(LogFile.Kind.V2_CHECKPOINT,
        parse("00000000000000000002.checkpoint.80a083e8-7026-4e79-81be-64bd76c43a11.parquet").kind());
    assertEquals(LogFile.Kind.CHECKSUM, parse("00000000000000000004.crc").kind());
    assertEquals(LogFile.Kind.COMPACTION, parse("00000000000000000004.00000000000000000009.compacted.json").kind());
    assertEquals(4, parse("00000000000000000004.00000000000000000009.compacted.json").version());
  }

  @Test
  void ignoresEverythingElse() {
    assertTrue(!recognised("_last_checkpoint"));
    assertTrue(!recognised("00000000000000000003.json.tmp"));
    assertTrue(!recognised("0000000000000000003.json")); // 19 digits
    assertTrue(!recognised("00000000000000000003.checkpoint.0000000004.0000000003.parquet")); // part > parts
    assertTrue(!recognised("0000000000000000000a.json"));
    assertTrue(!recognised("00000000000000000003.checkpoint.x.txt"));
  }

  @Test
  void keepsTheListedFileWithoutItsUri() {
    LogFile commit = LogFileNames.parse(DIR, new FileEntry(DIR.resolve("00000000000000000003.json"), 42, 7)).orElseThrow();
    assertEquals("00000000000000000003.json", commit.name());
    assertEquals(42, commit.size());
    assertEquals(7, commit.modificationTime());
    assertSame(DIR, commit.dir(), "the listing's directory, shared");
    assertEquals(URI.create("file:/t/_delta_log/00000000000000000003.json"), commit.location());
    assertEquals("_delta_log/00000000000000000003.json", commit.displayName());
    // a name that is no plain URI reference: encoded, and never taken for a scheme
    FileEntry odd = new FileEntry(URI.create("file:/t/_delta_log/00000000000000000002.checkpoint.a:b%20c.json"), 1, 1);
    LogFile v2 = LogFileNames.parse(DIR, odd).orElseThrow();
    assertEquals("00000000000000000002.checkpoint.a:b c.json", v2.name());
    assertEquals(odd.location(), v2.location());
  }
}
