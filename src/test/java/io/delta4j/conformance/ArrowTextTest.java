package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.types.ArrayType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow pretty tables (kernel-rs expected-text/) read by the table's types. */
class ArrowTextTest {
  @TempDir Path dir;

  private static final StructType SCHEMA = new StructType(List.of(
      new StructField("id", PrimitiveType.LONG, true),
      new StructField("v", PrimitiveType.VARIANT, true),
      new StructField("a", new ArrayType(PrimitiveType.VARIANT, true), true),
      new StructField("s", new StructType(List.of(new StructField("v", PrimitiveType.VARIANT, true))), true),
      new StructField("m", new MapType(PrimitiveType.STRING, PrimitiveType.LONG, true), true),
      new StructField("unused", PrimitiveType.STRING, true)));

  @Test
  void readsCellsByTheTablesTypes() throws Exception {
    Path file = Files.writeString(dir.resolve("t.txt"), """
        +----+---------------------------+---------------------------------+--------+------------------+
        | id | v                         | a                               | s      | m                |
        +----+---------------------------+---------------------------------+--------+------------------+
        | 7  | {metadata: 0101, value: 0c07} | [{metadata: 01, value: 00}, , ] | {v: }  | {b: 2, nullKey: } |
        | 8  |                           | []                              |        | {}               |
        +----+---------------------------+---------------------------------+--------+------------------+
        """);
    ArrowText.Table table = ArrowText.read(file, SCHEMA);
    assertEquals(List.of("id", "v", "a", "s", "m"), table.columns().fieldNames());
    RowCanon canon = RowCanon.exact();
    assertEquals("{a=[variant:01/00, null, null], id=long:7, m={string:\"b\"->long:2, string:\"nullKey\"->null},"
            + " s={v=null}, v=variant:0101/0c07}",
        canon.fields(table.columns(), table.rows().get(0)::get));
    assertEquals("{a=[], id=long:8, m={}, s=null, v=null}", canon.fields(table.columns(), table.rows().get(1)::get));
  }

  @Test
  void refusesWhatItCannotRead() throws Exception {
    Path unknown = Files.writeString(dir.resolve("u.txt"), "| nope |\n| 1 |\n");
    assertThrows(IllegalArgumentException.class, () -> ArrowText.read(unknown, SCHEMA));
    Path ragged = Files.writeString(dir.resolve("r.txt"), "| id | v |\n| 1 |\n");
    assertThrows(IllegalArgumentException.class, () -> ArrowText.read(ragged, SCHEMA));
    assertThrows(IllegalArgumentException.class, () -> ArrowText.value(PrimitiveType.VARIANT, "{metadata: 01}"));
  }
}
