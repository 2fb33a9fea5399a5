package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.SharedTables;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.VariantValue;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Variant columns, top level and nested in arrays, structs and maps. delta-golden
 * spark-variant-checkpoint holds the same data files as kernel-rs's unshredded-variant, whose
 * expected rows kernel-rs prints as a table (variants as {metadata, value} hex), so every cell is
 * compared with that text.
 */
class VariantValuesTest {
  @Test
  void everyCellMatchesKernelRsExpectedTable() throws IOException {
    Path text = SharedTables.file("kernel-rs-data/expected-text/unshredded-variant.txt");
    List<String> expected = new ArrayList<>();
    for (String line : Files.readAllLines(text)) {
      if (line.startsWith("| ") && !line.startsWith("| id ")) {
        expected.add(cells(line));
      }
    }
    TableRows.Read read = TableRows.golden("spark-variant-checkpoint");
    List<String> actual = new ArrayList<>();
    for (Row r : read.rows()) {
      StringJoiner line = new StringJoiner(" | ");
      for (int c = 0; c < r.schema().length(); c++) {
        line.add(render(r.get(c)));
      }
      actual.add(line.toString());
    }
    assertEquals(102, actual.size());
    expected.sort(null);
    actual.sort(null);
    assertEquals(expected, actual);
    assertTrue(read.rows().stream().allMatch(r -> r.getVariant("v") != null));
  }

  /** A shredded variant (delta-golden's Spark 4.1 variant-stats table) fails rather than read wrong. */
  @Test
  void shreddedVariantIsRefusedNamingTheFileAndColumn() {
    Path dir = SharedTables.root().resolve("golden/spark/variant-stats-no-checkpoint");
    Path file = TableRows.parquetFiles(dir).get(0);
    StructType schema = StructType.of(new StructField("i", PrimitiveType.INTEGER, true),
        new StructField("v", PrimitiveType.VARIANT, true));
    UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class,
        () -> TableRows.file(file, schema, ColumnMappingMode.NONE));
    assertEquals("test: Cannot read data file " + file.getFileName() + ": variant column v is shredded (it has a"
        + " typed_value field); variant shredding is not supported yet (table feature variantShredding).",
        e.getMessage());
    assertEquals(java.util.Set.of("variantShredding"), e.unsupportedFeatures());
  }

  /** The cells of a line of the text table, trimmed, joined as {@link #everyCellMatchesKernelRsExpectedTable} renders them. */
  private static String cells(String line) {
    StringJoiner out = new StringJoiner(" | ");
    String[] parts = line.split("\\|", -1);
    for (int i = 1; i < parts.length - 1; i++) {
      out.add(parts[i].trim());
    }
    return out.toString();
  }

  /** A value as kernel-rs's Arrow table printer shows it: null as nothing, structs and maps in braces. */
  private static String render(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof VariantValue variant) {
      return "{metadata: " + HexFormat.of().formatHex(variant.metadata()) + ", value: "
          + HexFormat.of().formatHex(variant.value()) + "}";
    }
    if (v instanceof Row row) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      for (int i = 0; i < row.schema().length(); i++) {
        out.add(row.schema().fields().get(i).name() + ": " + render(row.get(i)));
      }
      return out.toString();
    }
    if (v instanceof List<?> list) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      list.forEach(e -> out.add(render(e)));
      return out.toString();
    }
    if (v instanceof Map<?, ?> map) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      map.forEach((k, x) -> out.add(render(k) + ": " + render(x)));
      return out.toString();
    }
    return v.toString();
  }
}
