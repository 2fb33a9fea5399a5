package io.delta4j.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SchemaDdl}: the {@code create --schema} column list. */
class SchemaDdlTest {
  private static StructField nullable(String name, DataType type) {
    return new StructField(name, type, true);
  }

  private static String error(String ddl) {
    return assertThrows(IllegalArgumentException.class, () -> SchemaDdl.parse(ddl)).getMessage();
  }

  @Test
  void theIssueExample() {
    StructType schema = SchemaDdl.parse("id long, name string, price decimal(10,2), tags array<string>,"
        + " m map<string,int>, s struct<a:int,b:string>, d date, ts timestamp, ntz timestamp_ntz, b binary,"
        + " f float, x double, i int, s2 short, by byte, ok boolean");
    assertEquals(StructType.of(
        nullable("id", PrimitiveType.LONG),
        nullable("name", PrimitiveType.STRING),
        nullable("price", new DecimalType(10, 2)),
        nullable("tags", new ArrayType(PrimitiveType.STRING, true)),
        nullable("m", new MapType(PrimitiveType.STRING, PrimitiveType.INTEGER, true)),
        nullable("s", StructType.of(nullable("a", PrimitiveType.INTEGER), nullable("b", PrimitiveType.STRING))),
        nullable("d", PrimitiveType.DATE),
        nullable("ts", PrimitiveType.TIMESTAMP),
        nullable("ntz", PrimitiveType.TIMESTAMP_NTZ),
        nullable("b", PrimitiveType.BINARY),
        nullable("f", PrimitiveType.FLOAT),
        nullable("x", PrimitiveType.DOUBLE),
        nullable("i", PrimitiveType.INTEGER),
        nullable("s2", PrimitiveType.SHORT),
        nullable("by", PrimitiveType.BYTE),
        nullable("ok", PrimitiveType.BOOLEAN)), schema);
  }

  @ParameterizedTest
  @CsvSource({
      "bigint, long", "BIGINT, long", "Long, long", "integer, integer", "INT, integer", "smallint, short",
      "tinyint, byte", "real, float", "timestamp_ltz, timestamp", "TIMESTAMP_NTZ, timestamp_ntz",
      "variant, variant", "decimal, 'decimal(10,0)'", "dec(5), 'decimal(5,0)'", "'NUMERIC(38, 38)', 'decimal(38,38)'",
      "'array<map<string,array<int>>>', 'array<map<string,array<int>>>'"})
  void typeNamesAndAliasesIgnoreCase(String ddlType, String simpleString) {
    assertEquals(simpleString.replace("integer", "int"),
        SchemaDdl.parse("c " + ddlType).fields().get(0).type().simpleString());
  }

  @Test
  void notNullCommentsColonsAndBackquotes() {
    StructType schema = SchemaDdl.parse(
        "`my col` long NOT NULL COMMENT 'the \\'key\\'', `a``b`: string,"
        + " s struct<x int not null, `y z`: array<struct<q:int NOT NULL>> COMMENT 'inner'>");
    assertEquals(StructType.of(
        new StructField("my col", PrimitiveType.LONG, false, Map.of("comment", "the 'key'")),
        nullable("a`b", PrimitiveType.STRING),
        nullable("s", StructType.of(
            new StructField("x", PrimitiveType.INTEGER, false),
            new StructField("y z", new ArrayType(StructType.of(new StructField("q", PrimitiveType.INTEGER, false)), true),
                true, Map.of("comment", "inner"))))), schema);
  }

  @Test
  void emptyStructAndBlanksAnywhere() {
    assertEquals(StructType.of(nullable("s", StructType.of())), SchemaDdl.parse("  s  struct < >  "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "id| Expected a type at position 3 (found end of input) in: id",
      "id lng| Expected a type such as long, string, decimal(10,2), array<int>, map<string,int> or struct<a:int>"
          + " at position 4 (found 'lng') in: id lng",
      "id long,| Expected a column name at position 9 (found end of input) in: id long,",
      "id long name string| Expected ',' or the end at position 9 (found 'name') in: id long name string",
      "a array<int| Expected '>' at position 12 (found end of input) in: a array<int",
      "m map<string>| Expected ',' at position 13 (found '>') in: m map<string>",
      "a int NOT| Expected NULL at position 10 (found end of input) in: a int NOT",
      "d decimal(40,2)| Invalid decimal(40,2) at position 3: precision must be between 1 and 38 in: d decimal(40,2)",
      "`a int| Unclosed backquote at position 1 in: `a int",
      "a int COMMENT 'x| Unclosed quote at position 15 in: a int COMMENT 'x",
      "a int, A long| Duplicate field name \"A\": it clashes with \"a\" (field names must be unique ignoring case)"
          + " at position 1 in: a int, A long"})
  void errorsSayWhatWasExpectedWhere(String ddl, String message) {
    assertEquals("Invalid schema: " + message.strip(), error(ddl));
  }
}
