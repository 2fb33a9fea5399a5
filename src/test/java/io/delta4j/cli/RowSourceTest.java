package io.delta4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records are read as they are consumed, with the line each starts on. */
class RowSourceTest {
  private static final StructType SCHEMA = StructType.of(
      new StructField("id", PrimitiveType.LONG, true), new StructField("name", PrimitiveType.STRING, true));

  @TempDir Path dir;

  private static RowSource jsonl(String text) throws IOException {
    return new JsonlRows("in", new CountingInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), SCHEMA);
  }

  @Test
  void aJsonArrayOfObjectsIsReadToo() throws IOException {
    List<String> seen = new ArrayList<>();
    try (RowSource rows = jsonl("[\n  {\"id\": 1, \"name\": \"a\"},\n  {\"id\": 2}\n]\n")) {
      for (Map<String, Object> row : rows) {
        seen.add(rows.line() + ": " + row);
      }
    }
    assertEquals(List.of("2: {id=1, name=a}", "3: {id=2}"), seen);

    try (RowSource rows = jsonl("[{\"id\": 1}] {\"id\": 2}")) {
      RowInputException e = assertThrows(RowInputException.class, () -> rows.forEach(r -> { }));
      assertEquals("in line 1: expected the end of the input after the closing ], got {", e.getMessage());
    }
  }

  @Test
  void iterableOnce() throws IOException {
    try (RowSource rows = jsonl("{\"id\": 1}")) {
      rows.iterator();
      assertThrows(IllegalStateException.class, rows::iterator);
    }
  }

  /** A large input is not read ahead: after the first record, little of it has been taken. */
  @Test
  void readsAsItGoes() throws IOException {
    Path big = dir.resolve("big.jsonl");
    try (Writer w = Files.newBufferedWriter(big)) {
      for (int i = 0; i < 200_000; i++) {
        w.write("{\"id\": " + i + ", \"name\": \"name number " + i + "\"}\n");
      }
    }
    long size = Files.size(big);
    for (RowInput.Format format : RowInput.Format.values()) {
      Path file = big;
      if (format == RowInput.Format.CSV) {
        file = dir.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
          w.write("id,name\n");
          for (int i = 0; i < 200_000; i++) {
            w.write(i + ",name number " + i + "\n");
          }
        }
      }
      try (RowSource rows = RowInput.of(file.toString(), null).open(SCHEMA)) {
        Iterator<Map<String, Object>> it = rows.iterator();
        assertEquals(Map.of("id", 0L, "name", "name number 0"), it.next());
        assertTrue(rows.bytesRead() < size / 10, format + ": read " + rows.bytesRead() + " of " + size);
        long n = 1;
        while (it.hasNext()) {
          it.next();
          n++;
        }
        assertEquals(200_000, n);
        assertEquals(Files.size(file), rows.bytesRead());
        assertFalse(it.hasNext());
      }
    }
  }
}
