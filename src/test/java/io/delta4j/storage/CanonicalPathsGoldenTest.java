package io.delta4j.storage;

import static io.delta4j.storage.StorageTestSupport.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden tables that add a file in one form and remove it in another: the remove must hit the
 * add, so both must canonicalize to one key. The paths are read from the logs themselves.
 */
class CanonicalPathsGoldenTest {
  /** {@code "add":{"path":"..."}} or remove; these logs put {@code path} first and escape nothing. */
  private static final Pattern FILE_ACTION = Pattern.compile("\"(add|remove)\":\\{\"path\":\"([^\"\\\\]*)\"");

  @ParameterizedTest
  @ValueSource(strings = {
    "canonicalized-paths-normal-a",
    "canonicalized-paths-normal-b",
    "canonicalized-paths-special-a",
    "canonicalized-paths-special-b",
    "log-replay-special-characters-a",
  })
  void removeMatchesAdd(String name) throws IOException {
    Path table = golden(name);
    List<String> adds = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    try (Stream<Path> commits = Files.list(table.resolve("_delta_log"))) {
      for (Path commit : commits.sorted().toList()) {
        Matcher m = FILE_ACTION.matcher(Files.readString(commit));
        while (m.find()) {
          (m.group(1).equals("add") ? adds : removes).add(m.group(2));
        }
      }
    }
    assertEquals(1, adds.size(), "adds in " + name);
    assertEquals(1, removes.size(), "removes in " + name);
    URI root = Locations.tableRoot(table.toString());
    assertEquals(Locations.canonicalize(root, adds.get(0)), Locations.canonicalize(root, removes.get(0)));
  }
}
