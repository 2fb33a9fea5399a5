package io.delta4j.log.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaException;
import io.delta4j.data.CountingStorage;
import io.delta4j.SharedTables;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every checkpoint and sidecar Parquet file of the shared tables reads without error. */
class CheckpointCorpusTest {
  private final CountingStorage storage = new CountingStorage();

  @Test
  void everyCheckpointAndSidecarReads() throws IOException {
    Path root = SharedTables.root();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(CheckpointCorpusTest::isCheckpointParquet).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    long actions = 0;
    for (Path file : files) {
      try {
        List<Action> read = new ArrayList<>();
        CheckpointReader.read(storage, file.toUri(), OptionalLong.of(Files.size(file)), root.relativize(file).toString(),
            file.getFileName().toString(), ActionType.all(), read::add);
        actions += read.size();
      } catch (DeltaException e) {
        failures.add(root.relativize(file) + ": " + e.getMessage());
      }
    }
    System.out.printf("read %d checkpoint/sidecar files, %d actions%n", files.size(), actions);
    failures.forEach(System.out::println);
    assertTrue(files.size() > 100, "expected the shared corpus to hold many checkpoints, found " + files.size());
    assertEquals(List.of(), failures);
  }

  static boolean isCheckpointParquet(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p)
        && name.endsWith(".parquet")
        && (name.matches("\\d{20}\\.checkpoint.*\\.parquet") || p.getParent().getFileName().toString().equals("_sidecars"));
  }
}
