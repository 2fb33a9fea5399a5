package io.delta4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.expr.Predicates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Scans of the project's own tables (tests-data/README.md gives every expected row). */
class ScanTest {
  private static final String PEOPLE = "tests-data/people";

  private static Set<Long> ids(Scan scan) {
    Set<Long> ids = new TreeSet<>();
    try (CloseableIterator<Row> rows = scan.rows()) {
      rows.forEachRemaining(r -> ids.add(r.getLong("id")));
    }
    return ids;
  }

  private static Set<Long> range(long from, long to, long... without) {
    Set<Long> out = new TreeSet<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    for (long w : without) {
      out.remove(w);
    }
    return out;
  }

  @Test
  void everyLiveRowOnce() {
    try (DeltaTable t = DeltaTable.open(PEOPLE)) {
      Scan scan = t.snapshot().scan();
      assertEquals(range(1, 24, 9, 10), ids(scan));
      assertEquals(22, scan.count());
      assertEquals(List.of("id", "name", "city", "birthday"), scan.schema().fieldNames());
    }
  }

  @Test
  void partitionValuesAreTypedColumnsIncludingNull() {
    try (DeltaTable t = DeltaTable.open(PEOPLE);
        CloseableIterator<Row> rows = t.snapshot().scan().filter(Predicates.equal("id", 3L)).rows()) {
      Row r = rows.next();
      assertEquals("Zürich", r.getString("city"));
      assertEquals("Chloé", r.getString("name"));
      assertEquals(LocalDate.of(1992, 3, 3), r.getDate("birthday"));
      assertFalse(rows.hasNext());
    }
    try (DeltaTable t = DeltaTable.open(PEOPLE)) {
      assertEquals(Set.of(7L, 8L, 21L, 22L), ids(t.snapshot().scan().filter(Predicates.isNull("city"))));
    }
  }

  @Test
  void filtersPruneFilesAndRowsExactly() {
    try (DeltaTable t = DeltaTable.open(PEOPLE)) {
      Scan berlin = t.snapshot().scan().filter(Predicates.equal("city", "Berlin"));
      assertEquals(3, berlin.files().size());
      assertEquals(Set.of(1L, 2L, 11L, 12L, 19L, 20L), ids(berlin));
      Scan mixed = berlin.filter(Predicates.greaterThan("id", 11L));
      assertEquals(Set.of(12L, 19L, 20L), ids(mixed));
      assertEquals(3, mixed.count());
      assertEquals(Set.of(4L, 16L), ids(t.snapshot().scan().filter(Predicates.parse("birthday IS NULL"))));
      assertEquals(0, t.snapshot().scan().filter(Predicates.parse("id > 100")).files().size(), "skipped by stats");
    }
  }

  @Test
  void selectProjectsAndHidesFilterColumns() {
    try (DeltaTable t = DeltaTable.open(PEOPLE);
        CloseableIterator<Row> rows = t.snapshot().scan().select("name").filter(Predicates.equal("id", 1L)).rows()) {
      Row r = rows.next();
      assertEquals(List.of("name"), r.schema().fieldNames());
      assertEquals("Alice", r.getString(0));
      assertThrows(IllegalArgumentException.class, () -> r.getLong("id"));
      assertFalse(rows.hasNext());
    }
  }

  @Test
  void unknownColumnsAreClearErrors() {
    try (DeltaTable t = DeltaTable.open(PEOPLE)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.snapshot().scan().select("nope").schema());
      assertEquals("Column \"nope\" does not exist; the table has [id, name, city, birthday].", e.getMessage());
    }
  }

  @Test
  void timeTravelScansTheOldVersion() {
    try (DeltaTable t = DeltaTable.open(PEOPLE, 5)) {
      assertEquals(range(1, 12), ids(t.snapshot().scan()));
    }
  }

  @Test
  void scanFilesSurviveJavaSerialization() throws IOException, ClassNotFoundException {
    try (DeltaTable t = DeltaTable.open("tests-data/dv-keys")) {
      List<ScanFile> files = t.snapshot().scan().files();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(new ArrayList<>(files));
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        @SuppressWarnings("unchecked")
        List<ScanFile> back = (List<ScanFile>) in.readObject();
        assertEquals(files, back);
        assertEquals(files.get(0).deletionVector(), back.get(0).deletionVector());
        assertTrue(back.stream().anyMatch(f -> f.deletionVector().isPresent()));
        assertEquals(Path.of("tests-data/dv-keys").toAbsolutePath().toUri().resolve(back.get(0).path()).getPath(),
            back.get(0).location().getPath());
      }
    }
  }

  @Test
  void deletedRowsNeverAppear() {
    try (DeltaTable t = DeltaTable.open("tests-data/dv-keys")) {
      assertEquals(23, t.snapshot().scan().count());
    }
  }
}
