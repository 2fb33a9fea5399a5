package io.delta4j.log;

import io.delta4j.SharedTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CorruptLogException;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Conformance over every action file of the shared reference tables: commits, log compactions,
 * JSON V2 checkpoints and staged commits. Each must parse, and each action must survive
 * write-then-parse unchanged.
 */
class LogCorpusTest {
  /** Names of newline-delimited action files, by PROTOCOL.md "File Types" and "Checkpoints". */
  private static final Pattern ACTION_FILE = Pattern.compile(
      ".*/_delta_log/(_staged_commits/\\d{20}\\.[0-9a-f-]+"
          + "|\\d{20}(\\.\\d{20}\\.compacted|\\.checkpoint\\.[0-9a-f-]+)?)\\.json");

  /**
   * Files that are broken on purpose, with the error they must give. None of the shared tables
   * has a malformed action file today (checked with an independent JSON parser as well); the
   * deliberately broken inputs are the inline cases of {@link ActionParserTest}.
   */
  private static final Map<String, String> EXPECTED_BROKEN = Map.of();

  /**
   * Hand-written golden logs whose metaData has no schemaString (deltalog-commit-info and the
   * tables generated like it); the parser reads it as "" instead of failing.
   */
  private static final int EXPECTED_METADATA_WITHOUT_SCHEMA = 16;

  @Test
  void everyActionFileParsesAndRoundTrips() throws IOException {
    Path root = SharedTables.root();
    List<Path> files = SharedTables.files(root,
        p -> ACTION_FILE.matcher(p.toString().replace('\\', '/')).matches());
    Map<String, String> broken = new TreeMap<>();
    Map<ActionType, Integer> counts = new EnumMap<>(ActionType.class);
    int actions = 0;
    int metadataWithoutSchema = 0;
    for (Path file : files) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      Path table = file.getParent().getFileName().toString().equals("_delta_log")
          ? file.getParent().getParent() : file.getParent().getParent().getParent();
      String logFile = table.relativize(file).toString().replace('\\', '/');
      byte[] content = Files.readAllBytes(file);
      List<Action> parsed = new ArrayList<>();
      try {
        ActionParser.parse(content, table.toString(), logFile, ActionType.all(), parsed::add);
      } catch (CorruptLogException e) {
        broken.put(relative, e.getMessage());
        continue;
      }
      for (Action a : parsed) {
        String json = ActionWriter.toJson(a);
        assertEquals(a, ActionParserTest.parseOne(json), () -> relative + ": " + json);
        counts.merge(a.type(), 1, Integer::sum);
        if (a instanceof Metadata m && m.schemaString().isEmpty()) {
          metadataWithoutSchema++;
        }
      }
      List<Action> again = new ArrayList<>();
      ActionParser.parse(ActionWriter.toCommitBytes(parsed), "t", logFile, ActionType.all(),
          again::add);
      assertEquals(parsed, again, relative);
      actions += parsed.size();
    }
    System.out.printf("LogCorpusTest: %d action files, %d actions %s, %d broken, under %s%n",
        files.size(), actions, counts, broken.size(), root);
    assertEquals(EXPECTED_BROKEN, broken);
    assertEquals(EXPECTED_METADATA_WITHOUT_SCHEMA, metadataWithoutSchema);
    assertTrue(files.size() > 1000, () -> "expected the full corpus, found " + files.size());
  }
}
