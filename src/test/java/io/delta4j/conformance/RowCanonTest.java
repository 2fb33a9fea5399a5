package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.delta4j.Row;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical text rows are compared by: typed, exact, order-insensitive where Delta is. */
class RowCanonTest {
  /** A row over values; only what RowCanon calls is implemented. */
  static Row row(StructType schema, Object... values) {
    return (Row) Proxy.newProxyInstance(Row.class.getClassLoader(), new Class<?>[] {Row.class}, (proxy, m, args) ->
        switch (m.getName()) {
          case "schema" -> schema;
          case "isNullAt" -> values[(Integer) args[0]] == null;
          case "get" -> values[(Integer) args[0]];
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  private static String one(RowCanon canon, DataType type, Object value) {
    return canon.fields(new StructType(List.of(new StructField("c", type, true))), i -> value);
  }

  @Test
  void leavesCarryTheirTypes() {
    RowCanon exact = RowCanon.exact();
    assertEquals("{c=long:5}", one(exact, PrimitiveType.LONG, 5L));
    assertEquals("{c=int:5}", one(exact, PrimitiveType.INTEGER, 5));
    assertNotEquals(one(exact, PrimitiveType.LONG, 5L), one(exact, PrimitiveType.INTEGER, 5));
    assertEquals("{c=long!Integer:5}", one(exact, PrimitiveType.LONG, 5), "a value of the wrong class never matches");
    assertEquals("{c=float:3.4}", one(exact, PrimitiveType.FLOAT, 3.4f));
    assertEquals("{c=double:3.4000000953674316}", one(exact, PrimitiveType.DOUBLE, (double) 3.4f));
    assertEquals("{c=string:\"a\\\"b\\u000a\"}", one(exact, PrimitiveType.STRING, "a\"b\n"));
    assertEquals("{c=binary:0x00ff}", one(exact, PrimitiveType.BINARY, new byte[] {0, (byte) 0xff}));
    assertEquals("{c=date:-1}", one(exact, PrimitiveType.DATE, LocalDate.of(1969, 12, 31)));
    assertEquals("{c=timestamp:1577866150001000}",
        one(exact, PrimitiveType.TIMESTAMP, Instant.parse("2020-01-01T08:09:10.001Z")));
    assertEquals("{c=timestamp:-1+999ns}",
        one(exact, PrimitiveType.TIMESTAMP, Instant.parse("1969-12-31T23:59:59.999999999Z")));
    assertEquals("{c=timestamp_ntz:1637202600123456}",
        one(exact, PrimitiveType.TIMESTAMP_NTZ, LocalDateTime.parse("2021-11-18T02:30:00.123456")));
    assertEquals("{c=null}", one(exact, PrimitiveType.LONG, null));
  }

  @Test
  void decimalsKeepTheirScaleUnlessTheColumnIsLoose() {
    DecimalType d = new DecimalType(10, 2);
    assertEquals("{c=decimal(10,2):1.00}", one(RowCanon.exact(), d, new BigDecimal("1.00")));
    assertNotEquals(one(RowCanon.exact(), d, new BigDecimal("1.00")), one(RowCanon.exact(), d, new BigDecimal("1.0")));
    RowCanon loose = RowCanon.looseDecimals(Set.of("c"));
    assertEquals("{c=decimal:1}", one(loose, d, new BigDecimal("1.00")));
    assertEquals(one(loose, new DecimalType(38, 18), new BigDecimal("1.000000000000000000")),
        one(loose, d, new BigDecimal("1.00")));
    assertEquals("{c=decimal:0}", one(loose, d, new BigDecimal("0E-10")));
    assertEquals("{c=decimal:1200}", one(loose, d, new BigDecimal("1200.00")));
    assertEquals("{c=decimal(10,2):1.00}", one(RowCanon.looseDecimals(Set.of("other")), d, new BigDecimal("1.00")));
  }

  @Test
  void structsByNameMapsUnorderedArraysOrdered() {
    StructType inner = new StructType(List.of(
        new StructField("b", PrimitiveType.INTEGER, true), new StructField("a", PrimitiveType.STRING, true)));
    StructType schema = new StructType(List.of(
        new StructField("z", new ArrayType(PrimitiveType.LONG, true), true),
        new StructField("m", new MapType(PrimitiveType.STRING, PrimitiveType.INTEGER, true), true),
        new StructField("s", inner, true)));
    Map<Object, Object> m1 = new LinkedHashMap<>();
    m1.put("y", 2);
    m1.put("x", null);
    Map<Object, Object> m2 = new LinkedHashMap<>();
    m2.put("x", null);
    m2.put("y", 2);
    List<Object> values = Arrays.asList(Arrays.asList(2L, null, 1L), m1, row(inner, 7, "q"));
    String text = RowCanon.exact().fields(schema, values::get);
    assertEquals("{m={string:\"x\"->null, string:\"y\"->int:2}, s={a=string:\"q\", b=int:7}, z=[long:2, null, long:1]}",
        text);
    assertEquals(text, RowCanon.exact().fields(schema,
        Arrays.asList(Arrays.asList(2L, null, 1L), m2, row(inner, 7, "q"))::get));
  }
}
