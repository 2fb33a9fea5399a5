package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Reads all wanted actions of a local file through {@link ParquetActionReader}. */
final class ActionReading {
  private ActionReading() {}

  static List<Action> readAll(CountingStorage storage, Path file, Set<ActionType> wanted) throws IOException {
    List<Action> out = new ArrayList<>();
    try (ParquetActionReader reader = ParquetActionReader.open(storage, file.toUri(), OptionalLong.empty(), wanted)) {
      for (Action a = reader.next(); a != null; a = reader.next()) {
        out.add(a);
      }
    }
    return out;
  }
}
