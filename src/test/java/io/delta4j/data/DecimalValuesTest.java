package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.types.DecimalType;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Decimals in every Parquet encoding (INT32, INT64, FIXED_LEN_BYTE_ARRAY, legacy fixed for all
 * precisions), with the values golden-catalog.md gives; each value keeps the column's scale.
 */
class DecimalValuesTest {
  /** (col1, col2, col3) of basic-decimal-table, whose partition column is left to the scan layer. */
  private static final Set<List<BigDecimal>> BASIC = Set.of(
      List.of(new BigDecimal("1.00"), new BigDecimal("2.00000"), new BigDecimal("3.0000000000")),
      List.of(new BigDecimal("111.11"), new BigDecimal("22222.22222"), new BigDecimal("3333333333.3333333333")),
      List.of(new BigDecimal("0.00"), new BigDecimal("0.00000"), new BigDecimal("0E-10")),
      List.of(new BigDecimal("-999.99"), new BigDecimal("-99999.99999"), new BigDecimal("-9999999999.9999999999")));

  @Test
  void basicDecimalTableInBothEncodings() {
    for (String table : List.of("basic-decimal-table", "basic-decimal-table-legacy")) {
      Set<List<BigDecimal>> actual = new HashSet<>();
      for (Row r : TableRows.golden(table).rows()) {
        actual.add(List.of(r.getDecimal("col1"), r.getDecimal("col2"), r.getDecimal("col3")));
      }
      assertEquals(BASIC, actual, table);
    }
  }

  @Test
  void decimalStoredAsInt64() {
    List<Row> rows = TableRows.golden("124-decimal-decode-bug").rows();
    assertEquals(1, rows.size());
    assertEquals(new BigDecimal("1000000"), rows.get(0).getDecimal("large_decimal"));
  }

  /**
   * 29 columns from decimal(4,0) to decimal(38,36); 3 rows: all null, random non-negative values
   * and random non-positive ones (values too wide for a column were written as null).
   */
  @Test
  void everyScaleAndPrecision() {
    TableRows.Read read = TableRows.golden("decimal-various-scale-precision");
    assertEquals(3, read.rows().size());
    Set<Integer> signs = new HashSet<>();
    for (Row r : read.rows()) {
      Set<Integer> rowSigns = new HashSet<>();
      for (int c = 0; c < r.schema().length(); c++) {
        if (r.isNullAt(c)) {
          continue;
        }
        DecimalType type = (DecimalType) r.schema().fields().get(c).type();
        BigDecimal v = r.getDecimal(c);
        assertEquals(type.scale(), v.scale(), r.schema().fields().get(c).name());
        assertTrue(v.precision() <= type.precision(), v + " fits " + type.simpleString());
        rowSigns.add(v.signum());
      }
      rowSigns.remove(0);
      assertTrue(rowSigns.size() <= 1, "one sign per row: " + r);
      signs.add(rowSigns.isEmpty() ? 0 : rowSigns.iterator().next());
    }
    assertEquals(Set.of(0, 1, -1), signs);
  }

  /** 99,998 rows; for i % 85 == 0 (i, i/10, i, i), else n = ±i and (i, n/10, n.0000n, expand³(n)). */
  @Test
  void largeDecimalFile() {
    List<Row> rows = TableRows.golden("parquet-decimal-type").rows();
    assertEquals(99_998, rows.size());
    boolean[] seen = new boolean[rows.size()];
    for (Row r : rows) {
      int i = r.getInt("id");
      seen[i] = true;
      BigDecimal n = BigDecimal.valueOf(i % 85 != 0 && i % 33 == 0 ? -i : i);
      if (i % 85 == 0) {
        assertEquals(n.movePointLeft(1).setScale(1), r.getDecimal("col1"));
        assertEquals(n.setScale(5), r.getDecimal("col2"));
        assertEquals(n.setScale(5), r.getDecimal("col3"));
      } else {
        assertEquals(n.movePointLeft(1), r.getDecimal("col1"), "col1 of " + i);
        assertEquals(expand(n).movePointLeft(5), r.getDecimal("col2"), "col2 of " + i);
        assertEquals(expand(expand(expand(n))).movePointLeft(5), r.getDecimal("col3"), "col3 of " + i);
      }
    }
    for (int i = 0; i < seen.length; i++) {
      assertTrue(seen[i], "id " + i);
    }
  }

  private static BigDecimal expand(BigDecimal n) {
    return n.scaleByPowerOfTen(5).add(n);
  }
}
