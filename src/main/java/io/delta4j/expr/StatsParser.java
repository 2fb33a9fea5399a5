package io.delta4j.expr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.util.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the statistics JSON of a file, streaming, and keeps only the columns a predicate uses
 * (files can carry stats for hundreds of columns; a filter reads a few). Keys are physical names,
 * nested like the schema. Anything malformed or of an unexpected JSON type is left out, which
 * makes skipping keep the file: statistics only ever help, they never fail a scan.
 */
final class StatsParser {
  /** The physical paths of the columns, as a tree of names; a node may be a column and a struct at once. */
  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    int column = -1;
  }

  private final List<BoundColumn> columns;
  private final Node root = new Node();

  StatsParser(List<BoundColumn> columns) {
    this.columns = columns;
    for (int i = 0; i < columns.size(); i++) {
      Node node = root;
      for (String name : columns.get(i).physicalPath()) {
        node = node.children.computeIfAbsent(name, n -> new Node());
      }
      node.column = i;
    }
  }

  FileStats parse(String json) {
    FileStats stats = new FileStats(columns.size());
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return FileStats.none(columns.size());
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "numRecords":
            stats.numRecords = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
            break;
          case "tightBounds":
            stats.tightBounds = value != JsonToken.VALUE_FALSE;
            break;
          case "minValues":
            values(p, root, stats.min, null);
            break;
          case "maxValues":
            values(p, root, stats.max, null);
            break;
          case "nullCount":
            values(p, root, null, stats.nullCount);
            break;
          default:
            p.skipChildren();
        }
      }
      return stats;
    } catch (IOException | RuntimeException e) {
      return FileStats.none(columns.size()); // unreadable statistics prove nothing
    }
  }

  /** At the object of {@code node}: fills min/max ({@code values}) or null counts ({@code counts}). */
  private void values(JsonParser p, Node node, Object[] values, long[] counts) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Node child = node.children.get(p.currentName());
      JsonToken token = p.nextToken();
      if (child == null) {
        p.skipChildren();
      } else if (token == JsonToken.START_OBJECT) {
        values(p, child, values, counts); // a struct; as a column of its own, its stats are not usable
      } else if (child.column >= 0) {
        if (counts != null) {
          counts[child.column] = token == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
        } else {
          values[child.column] = StatsValues.read(p, columns.get(child.column).type());
        }
        p.skipChildren();
      } else {
        p.skipChildren();
      }
    }
  }
}
