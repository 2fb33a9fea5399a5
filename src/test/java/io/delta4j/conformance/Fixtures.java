package io.delta4j.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tables that must be prepared before they can be read (fixtures.tsv, tests-data-fixtures.tsv):
 * commit mtimes for timestamp time travel (git keeps none) and a template placeholder. Each such
 * table is copied once per run into a work directory and prepared there; the tables of the corpus
 * are never modified.
 */
final class Fixtures {
  sealed interface Action {
    /** The file to act on, relative to the table root. */
    String file();
  }

  record SetMtime(String file, Instant time) implements Action {}

  /**
   * Reads the table with {@link io.delta4j.data.dv.DeletionVectors#TEST_FILE_NAME_PREFIX_PROPERTY}
   * set to {@code prefix} (Spark's test-only DV file names); needs no copy. {@code file} is "-".
   */
  record DvFileNamePrefix(String file, String prefix) implements Action {}

  /** Replaces {@code placeholder} by the URL-encoded absolute path of {@code folder} in the copy. */
  record FillTemplate(String file, String placeholder, String folder) implements Action {}

  private final Map<String, List<Action>> actionsByTable;
  private final Path workDir;
  private final Map<String, Path> prepared = new HashMap<>();

  Fixtures(Map<String, List<Action>> actionsByTable, Path workDir) {
    this.actionsByTable = Map.copyOf(actionsByTable);
    this.workDir = workDir;
  }

  static Fixtures load(String resource, Path workDir) {
    InputStream in = Fixtures.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    return new Fixtures(parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource), workDir);
  }

  /** Where the case's table can be read: the corpus's table itself, or its prepared copy. */
  Path tableRoot(Path corpusRoot, String table) {
    List<Action> actions = actionsByTable.getOrDefault(table, List.of());
    if (actions.stream().allMatch(a -> a instanceof DvFileNamePrefix)) {
      return corpusRoot.resolve(table);
    }
    return prepared.computeIfAbsent(table, t -> prepare(corpusRoot.resolve(t), workDir.resolve(t), actions));
  }

  /** The DV file name prefix to read the table with, if fixtures.tsv gives one. */
  Optional<String> dvFileNamePrefix(String table) {
    return actionsByTable.getOrDefault(table, List.of()).stream()
        .filter(a -> a instanceof DvFileNamePrefix)
        .map(a -> ((DvFileNamePrefix) a).prefix())
        .findFirst();
  }

  static Map<String, List<Action>> parse(Reader reader, String name) {
    Map<String, List<Action>> byTable = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("table\t")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 4) {
          throw new IllegalArgumentException(name + " line " + lineNo + ": expected 4 tab-separated columns");
        }
        byTable.computeIfAbsent(cols[0], t -> new ArrayList<>()).add(parseAction(name, lineNo, cols));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return byTable;
  }

  private static Action parseAction(String name, int lineNo, String[] cols) {
    String where = name + " line " + lineNo + ": ";
    switch (cols[1]) {
      case "mtime":
        return new SetMtime(cols[2], parseTime(where, cols[3]));
      case "fill-template":
        int eq = cols[3].indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(where + "fill-template wants <placeholder>=<folder>");
        }
        return new FillTemplate(cols[2], cols[3].substring(0, eq), cols[3].substring(eq + 1));
      case "dv-file-name-prefix":
        if (!cols[2].equals("-") || cols[3].isEmpty()) {
          throw new IllegalArgumentException(where + "dv-file-name-prefix wants file \"-\" and the prefix as value");
        }
        return new DvFileNamePrefix(cols[2], cols[3]);
      default:
        throw new IllegalArgumentException(where + "unknown action \"" + cols[1] + "\"");
    }
  }

  private static Instant parseTime(String where, String text) {
    try {
      return text.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochMilli(Long.parseLong(text))
          : OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + "bad time \"" + text + "\"", e);
    }
  }

  private static Path prepare(Path source, Path copy, List<Action> actions) {
    try {
      copyTree(source, copy);
      // Content edits first: rewriting a file would reset an mtime set before it.
      for (Action action : actions) {
        if (action instanceof FillTemplate t) {
          Path file = copy.resolve(t.file());
          // Spark's test writes the absolute folder as a URI path: "file:" + the encoded path.
          String encoded = copy.resolve(t.folder()).toAbsolutePath().toUri().getRawPath();
          if (encoded.endsWith("/")) {
            encoded = encoded.substring(0, encoded.length() - 1);
          }
          String text = Files.readString(file, StandardCharsets.UTF_8);
          Files.writeString(file, text.replace(t.placeholder(), encoded), StandardCharsets.UTF_8);
        }
      }
      for (Action action : actions) {
        if (action instanceof SetMtime m) {
          Files.setLastModifiedTime(copy.resolve(m.file()), FileTime.from(m.time()));
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a copy of " + source + " in " + copy, e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
          // The shared tables are read-only; a copy must be writable to be prepared.
          dest.toFile().setWritable(true, true);
        }
      }
    }
  }
}
