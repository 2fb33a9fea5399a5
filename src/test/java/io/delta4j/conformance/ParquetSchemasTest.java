package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/** Delta types of expected-rows files, from their own Parquet schemas (Spark's and Arrow's layouts). */
class ParquetSchemasTest {
  private static String convert(String message) {
    return ParquetSchemas.toStruct(MessageTypeParser.parseMessageType(message)).simpleString();
  }

  @Test
  void primitives() {
    assertEquals("struct<i:int,b:byte,s:short,l:long,d:date,t:timestamp,n:timestamp_ntz,m:timestamp,o:timestamp,"
            + "f:float,g:double,x:boolean,str:string,bin:binary,d1:decimal(5,2),d2:decimal(18,4),d3:decimal(38,10),"
            + "u:long>",
        convert("""
            message m {
              optional int32 i; optional int32 b (INTEGER(8,true)); optional int32 s (INTEGER(16,true));
              required int64 l; optional int32 d (DATE); optional int64 t (TIMESTAMP(MICROS,true));
              optional int64 n (TIMESTAMP(MICROS,false)); optional int64 m (TIMESTAMP(MILLIS,true));
              optional int96 o; optional float f; optional double g; optional boolean x;
              optional binary str (STRING); optional binary bin; optional int32 d1 (DECIMAL(5,2));
              optional int64 d2 (DECIMAL(18,4)); optional fixed_len_byte_array(16) d3 (DECIMAL(38,10));
              optional int32 u (INTEGER(32,false));
            }"""));
  }

  @Test
  void nestedStandardAndLegacyLayouts() {
    assertEquals("struct<a:array<int>,m:map<string,bigint>,s:struct<x:int,y:array<string>>>".replace("bigint", "long"),
        convert("""
            message m {
              optional group a (LIST) { repeated group list { optional int32 element; } }
              optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int64 value; } }
              optional group s { optional int32 x; optional group y (LIST) { repeated group list { optional binary element (STRING); } } }
            }"""));
    // Spark's writeLegacyFormat, Hive's and parquet-avro's 2-level lists, a legacy map
    assertEquals("struct<a:array<int>,b:array<struct<x:int>>,c:array<struct<x:int,y:int>>,d:array<string>,"
            + "e:map<int,int>>",
        convert("""
            message m {
              optional group a (LIST) { repeated group bag { optional int32 array; } }
              optional group b (LIST) { repeated group array { optional int32 x; } }
              optional group c (LIST) { repeated group element { optional int32 x; optional int32 y; } }
              optional group d (LIST) { repeated binary element (STRING); }
              optional group e (MAP_KEY_VALUE) { repeated group map { required int32 key; optional int32 value; } }
            }"""));
  }
}
