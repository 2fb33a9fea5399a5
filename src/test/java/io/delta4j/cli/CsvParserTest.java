package io.delta4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 records, nulls versus empty strings, and the line each record starts on. */
class CsvParserTest {
  /** Each record as "line: fields". */
  private static List<String> parse(String text) throws IOException {
    CsvParser parser = new CsvParser(new StringReader(text));
    List<String> out = new ArrayList<>();
    for (List<String> record = parser.next(); record != null; record = parser.next()) {
      out.add(parser.recordLine() + ": " + record);
    }
    return out;
  }

  @Test
  void fieldsQuotesAndLineEndings() throws IOException {
    assertEquals(List.of("1: [a, b, c]", "2: [d, e, f]", "3: [g, h, i]", "4: [j]"), parse("a,b,c\r\nd,e,f\ng,h,i\rj"));
    assertEquals(List.of("1: [a,b, say \"hi\", x]"), parse("\"a,b\",\"say \"\"hi\"\"\",x\n"));
    assertEquals(List.of("1: [one\r\ntwo, x]", "3: [y, z]"), parse("\"one\r\ntwo\",x\r\ny,z\r\n"));
    assertEquals(List.of("1: [a\"b, c]"), parse("a\"b,c"), "a quote inside an unquoted field is literal");
  }

  @Test
  void emptyFieldIsNullAndQuotedEmptyIsEmpty() throws IOException {
    CsvParser parser = new CsvParser(new StringReader(",\"\",\n\"\"\n"));
    assertEquals(Arrays.asList(null, "", null), parser.next());
    assertEquals(List.of(""), parser.next());
    assertNull(parser.next());
  }

  @Test
  void emptyLinesAndByteOrderMarkAreSkipped() throws IOException {
    assertEquals(List.of("2: [id, name]", "5: [1, x]"), parse("\uFEFF\nid,name\n\r\n\n1,x\n\n"));
    assertEquals(List.of(), parse(""));
  }

  @Test
  void malformedQuotes() {
    CsvParser open = new CsvParser(new StringReader("a\n\"b,\nc\n"));
    RowInputException e = assertThrows(RowInputException.class, () -> {
      open.next();
      open.next();
    });
    assertEquals("a quoted field is not closed before the end of the input", e.getMessage());
    assertEquals(2, open.recordLine());

    CsvParser after = new CsvParser(new StringReader("x,\"b\"c\n"));
    assertEquals("field 2: a quoted field must end at a comma or the end of the line, found 'c' after the closing quote",
        assertThrows(RowInputException.class, after::next).getMessage());
  }

  @Test
  void longFieldsCrossTheBuffer() throws IOException {
    String big = "x".repeat(200_000);
    assertEquals(List.of("1: [" + big + ", y]", "2: [z]"), parse("\"" + big + "\",y\nz"));
  }
}
