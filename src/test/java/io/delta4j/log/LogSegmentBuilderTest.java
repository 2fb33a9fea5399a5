package io.delta4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CorruptLogException;
import io.delta4j.TableNotFoundException;
import io.delta4j.VersionNotFoundException;
import io.delta4j.storage.FileEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Segment selection over synthetic listings: pure logic, no storage. */
class LogSegmentBuilderTest {
  private static final URI DIR = URI.create("file:/t/_delta_log/");
  private final LogSegmentBuilder builder = new LogSegmentBuilder("t", null /* storage: unused */, URI.create("file:/t/"));

  private static List<LogFile> files(String... names) {
    List<LogFile> out = new ArrayList<>();
    Arrays.stream(names).sorted().forEach(n ->
        out.add(LogFileNames.parse(DIR, new FileEntry(DIR.resolve(n), 10, 1000)).orElseThrow()));
    return out;
  }

  private static String commit(long v) {
    return LogFileNames.commit(v);
  }

  private static String checkpoint(long v) {
    return LogFileNames.classicCheckpoint(v);
  }

  private static String part(long v, int part, int parts) {
    return String.format("%s.checkpoint.%010d.%010d.parquet", LogFileNames.paddedVersion(v), part, parts);
  }

  @Test
  void commitsOnly() {
    LogSegment s = builder.fromFiles(files(commit(0), commit(1), commit(2), commit(3)), OptionalLong.empty(), true);
    assertEquals(3, s.version());
    assertTrue(s.checkpoint().isEmpty());
    assertEquals(4, s.commits().size());
    assertEquals(3, s.lastCommit().orElseThrow().version());
  }

  @Test
  void startsFromTheNewestCheckpointAtOrBeforeTheVersion() {
    List<LogFile> f = files(commit(0), commit(1), commit(2), checkpoint(2), commit(3), commit(4), commit(5));
    LogSegment latest = builder.fromFiles(f, OptionalLong.empty(), true);
    assertEquals(2, latest.checkpointVersion());
    assertEquals(List.of(3L, 4L, 5L), latest.commits().stream().map(LogFile::version).toList());

    LogSegment old = builder.fromFiles(f, OptionalLong.of(1), true);
    assertEquals(-1, old.checkpointVersion());
    assertEquals(List.of(0L, 1L), old.commits().stream().map(LogFile::version).toList());

    LogSegment atCheckpoint = builder.fromFiles(f, OptionalLong.of(2), true);
    assertEquals(2, atCheckpoint.checkpointVersion());
    assertTrue(atCheckpoint.commits().isEmpty());
    assertEquals(2, atCheckpoint.lastCommit().orElseThrow().version());
  }

  @Test
  void ignoresAMultiPartCheckpointWithAMissingPart() {
    List<LogFile> f = files(checkpoint(2), commit(2), commit(3), commit(4), part(4, 1, 3), part(4, 3, 3), commit(5));
    LogSegment s = builder.fromFiles(f, OptionalLong.empty(), false);
    assertEquals(2, s.checkpointVersion());
    assertEquals(5, s.version());
  }

  @Test
  void usesACompleteMultiPartCheckpoint() {
    List<LogFile> f = files(commit(0), commit(1), part(1, 1, 2), part(1, 2, 2), commit(2));
    LogSegment s = builder.fromFiles(f, OptionalLong.empty(), true);
    assertEquals(1, s.checkpointVersion());
    assertEquals(2, s.checkpoint().orElseThrow().files().size());
    assertEquals(1, s.checkpoint().orElseThrow().files().get(0).part());
  }

  @Test
  void aGapIsAnError() {
    CorruptLogException e = assertThrows(CorruptLogException.class,
        () -> builder.fromFiles(files(commit(0), commit(2)), OptionalLong.empty(), true));
    assertEquals("t: Cannot load the table: the log versions are not contiguous (version 0 is followed by 2);"
        + " the commits in between are missing.", e.getMessage());
  }

  @Test
  void aGapAfterTheCheckpointIsAnError() {
    assertThrows(CorruptLogException.class,
        () -> builder.fromFiles(files(checkpoint(5), commit(5), commit(6), commit(8)), OptionalLong.empty(), false));
  }

  @Test
  void versionsBeforeTheEarliestCheckpointAreGone() {
    List<LogFile> f = files(checkpoint(5), commit(5), commit(6), commit(7), commit(8));
    VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
        () -> builder.fromFiles(f, OptionalLong.of(3), true));
    assertEquals(5, e.earliestVersion());
    assertEquals(8, e.latestVersion());
    assertEquals("t: Cannot load version 3: the log was truncated by retention; the earliest available version is 5.",
        e.getMessage());
    assertEquals(8, builder.fromFiles(f, OptionalLong.empty(), true).version());
  }

  @Test
  void noCheckpointAndNoFirstCommit() {
    VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
        () -> builder.fromFiles(files(commit(3), commit(4)), OptionalLong.empty(), true));
    assertTrue(e.getMessage().contains("commit 0 is gone (the earliest commit is 3)"), e.getMessage());
  }

  @Test
  void versionAfterTheLatest() {
    VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
        () -> builder.fromFiles(files(commit(0), commit(1)), OptionalLong.of(7), true));
    assertEquals("t: Cannot load version 7: the latest version is 1.", e.getMessage());
  }

  @Test
  void emptyLogIsNotATable() {
    TableNotFoundException e = assertThrows(TableNotFoundException.class,
        () -> builder.fromFiles(List.of(), OptionalLong.empty(), true));
    assertTrue(e.getMessage().startsWith("t: Not a Delta table"), e.getMessage());
  }
}
