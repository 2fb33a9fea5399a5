package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fixtures.tsv: parsing, and preparing a copy without touching the original. */
class FixturesTest {
  @TempDir Path dir;

  @Test
  void parsesActions() {
    Map<String, List<Fixtures.Action>> actions = Fixtures.parse(new StringReader("""
        # comment
        table\taction\tfile\tvalue
        t\tmtime\t_delta_log/0.json\t1540415658000
        t\tmtime\t_delta_log/1.json\t2020-05-01T22:47:31-07:00
        u\tfill-template\t_delta_log/0.json\t{{X}}=a&b c
        """), "f.tsv");
    assertEquals(
        List.of(
            new Fixtures.SetMtime("_delta_log/0.json", Instant.ofEpochMilli(1540415658000L)),
            new Fixtures.SetMtime("_delta_log/1.json", Instant.parse("2020-05-02T05:47:31Z"))),
        actions.get("t"));
    assertEquals(List.of(new Fixtures.FillTemplate("_delta_log/0.json", "{{X}}", "a&b c")), actions.get("u"));
    assertThrows(IllegalArgumentException.class, () -> Fixtures.parse(new StringReader("t\ttouch\tf\tv\n"), "f.tsv"));
  }

  @Test
  void aDvFileNamePrefixNeedsNoCopy() {
    Map<String, List<Fixtures.Action>> actions = Fixtures.parse(
        new StringReader("s\tdv-file-name-prefix\t-\ttest%dv%prefix-\n"), "f.tsv");
    assertEquals(List.of(new Fixtures.DvFileNamePrefix("-", "test%dv%prefix-")), actions.get("s"));
    Fixtures fixtures = new Fixtures(actions, dir.resolve("work"));
    assertEquals(dir.resolve("shared/s"), fixtures.tableRoot(dir.resolve("shared"), "s"));
    assertEquals(java.util.Optional.of("test%dv%prefix-"), fixtures.dvFileNamePrefix("s"));
    assertEquals(java.util.Optional.empty(), fixtures.dvFileNamePrefix("other"));
    assertThrows(IllegalArgumentException.class,
        () -> Fixtures.parse(new StringReader("s\tdv-file-name-prefix\tx.bin\tp\n"), "f.tsv"));
  }

  @Test
  void preparesACopyAndLeavesTheSharedTableAlone() throws Exception {
    Path shared = dir.resolve("shared");
    Path log = Files.createDirectories(shared.resolve("g/t/_delta_log"));
    Path commit = Files.writeString(log.resolve("0.json"), "{\"p\":\"file:{{X}}/dv.bin\"}\n");
    Files.createDirectories(shared.resolve("g/t/a&b c"));
    Instant before = Files.getLastModifiedTime(commit).toInstant();

    Fixtures fixtures = new Fixtures(
        Map.of("g/t", List.of(
            new Fixtures.SetMtime("_delta_log/0.json", Instant.ofEpochMilli(1540415658000L)),
            new Fixtures.FillTemplate("_delta_log/0.json", "{{X}}", "a&b c"))),
        dir.resolve("work"));
    Path copy = fixtures.tableRoot(shared, "g/t");

    assertEquals(dir.resolve("work/g/t"), copy);
    assertEquals(copy, fixtures.tableRoot(shared, "g/t"), "prepared once per run");
    Path copied = copy.resolve("_delta_log/0.json");
    assertEquals(Instant.ofEpochMilli(1540415658000L), Files.getLastModifiedTime(copied).toInstant());
    String text = Files.readString(copied, StandardCharsets.UTF_8);
    assertTrue(text.contains("file:" + copy.toUri().getRawPath() + "a&b%20c/dv.bin"), text);
    assertEquals("{\"p\":\"file:{{X}}/dv.bin\"}\n", Files.readString(commit));
    assertEquals(before, Files.getLastModifiedTime(commit).toInstant());
    assertEquals(shared.resolve("other"), fixtures.tableRoot(shared, "other"));
  }
}
