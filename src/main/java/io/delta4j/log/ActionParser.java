package io.delta4j.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.delta4j.CorruptLogException;
import io.delta4j.DeltaErrors;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.storage.StorageBackend;
import io.delta4j.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams the actions of a log file written as newline-delimited JSON, one action per line
 * (PROTOCOL.md, "Delta Log Entries"): commits, log compactions and JSON V2 checkpoints.
 *
 * <p>One streaming parser reads the whole file; each action must start and end on its own line,
 * and a bad line is reported with its exact 1-based number (the line its action starts on). Actions whose type the caller did not ask
 * for are skipped token by token without building objects, which is what lets a snapshot load
 * protocol and metadata from a large commit cheaply. Unknown action keys and unknown fields are
 * ignored, as "Protocol Evolution" requires. Blank lines are skipped; a {@code \r} before the
 * {@code \n} is tolerated; the last line needs no newline.
 *
 * <p>Every malformed line ends the parse with a {@link CorruptLogException} naming the file and the
 * line, from {@link DeltaErrors#corruptLine}. Actions of earlier lines have already been passed to
 * the sink by then.
 */
public final class ActionParser {
  private final String table;
  private final String file;
  private final Set<ActionType> wanted;
  private final Consumer<? super Action> sink;

  private ActionParser(
      String table, String file, Set<ActionType> wanted, Consumer<? super Action> sink) {
    this.table = Objects.requireNonNull(table, "table");
    this.file = Objects.requireNonNull(file, "file");
    this.wanted = Objects.requireNonNull(wanted, "wanted");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Parses a whole log file held in memory.
   *
   * @param table the table, for error messages only
   * @param file the file relative to the table, like {@code _delta_log/00000000000000000007.json},
   *     for error messages only
   * @param wanted the action types to pass to {@code sink}; others are skipped unread, so only
   *     their JSON syntax is checked
   * @throws CorruptLogException at the first malformed line
   */
  public static void parse(
      byte[] content, String table, String file, Set<ActionType> wanted,
      Consumer<? super Action> sink) {
    ActionParser parser = new ActionParser(table, file, wanted, sink);
    try (JsonParser p = Json.FACTORY.createParser(content)) {
      parser.parseAll(p);
    } catch (IOException e) {
      throw DeltaErrors.corruptLine(table, file, 1, "unreadable JSON (" + e + ")", e); // closing a byte[] parser
    }
  }

  /**
   * Parses a log file from a stream, holding only a buffer of it in memory. Does not close
   * {@code in}.
   *
   * @throws IOException when reading {@code in} fails
   * @throws CorruptLogException at the first malformed line
   * @see #parse(byte[], String, String, Set, Consumer)
   */
  public static void parse(
      InputStream in, String table, String file, Set<ActionType> wanted,
      Consumer<? super Action> sink) throws IOException {
    ActionParser parser = new ActionParser(table, file, wanted, sink);
    try (JsonParser p = Json.FACTORY.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      parser.parseAll(p);
    }
  }

  /**
   * Reads a whole log file through {@code storage} and parses all its actions of the {@code wanted}
   * types, in order.
   *
   * @throws io.delta4j.StorageException when the file cannot be read
   * @throws CorruptLogException at the first malformed line
   */
  public static List<Action> readFile(
      StorageBackend storage, URI location, String table, String file, Set<ActionType> wanted) {
    byte[] content;
    try {
      content = storage.readAllBytes(location);
    } catch (IOException e) {
      throw DeltaErrors.storage(table, "read", location, e);
    }
    List<Action> actions = new ArrayList<>();
    parse(content, table, file, wanted, actions::add);
    return actions;
  }

  /**
   * Parses every root-level object with one parser (creating a parser per line costs more than
   * parsing a typical add action), checking that each action sits on a line of its own.
   */
  private void parseAll(JsonParser p) throws IOException {
    long previousEnd = 0; // the line on which the previous action ended
    Action pending = null; // passed on once the rest of its line is known to be empty
    while (true) {
      long line = previousEnd; // until the next token is found, blame the previous line
      try {
        JsonToken token = p.nextToken();
        if (token == null) {
          break;
        }
        line = p.currentTokenLocation().getLineNr();
        if (line == previousEnd) {
          throw new JsonFields.MalformedActionException("unexpected content after the action object");
        }
        if (pending != null) {
          sink.accept(pending);
          pending = null;
        }
        pending = parseAction(p);
        long end = p.currentLocation().getLineNr();
        if (end != line) {
          throw new JsonFields.MalformedActionException(
              "the action continues onto line " + end + "; each line must hold exactly one action");
        }
        previousEnd = end;
      } catch (JsonFields.MalformedActionException e) {
        throw DeltaErrors.corruptLine(table, file, line, e.getMessage(), null);
      } catch (JsonEOFException e) {
        throw DeltaErrors.corruptLine(table, file, Math.max(line, 1), "truncated JSON", e);
      } catch (JsonProcessingException e) {
        long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
        String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
        String detail = "invalid JSON" + column + " (" + e.getOriginalMessage() + ")";
        throw DeltaErrors.corruptLine(table, file, Math.max(line == previousEnd ? at : line, 1), detail, e);
      }
    }
    if (pending != null) {
      sink.accept(pending);
    }
  }

  /** Reads the one object of a line: its action if it is wanted, else null. */
  private Action parseAction(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new JsonFields.MalformedActionException(
          "expected a JSON object with one action, was " + JsonFields.describe(p));
    }
    String actionKey = null;
    Action action = null;
    String key;
    while ((key = p.nextFieldName()) != null) {
      ActionType type = typeOf(key);
      if (p.nextToken() == JsonToken.VALUE_NULL || type == null) {
        p.skipChildren(); // an unknown action ("Protocol Evolution"), or none at all
        continue;
      }
      if (actionKey != null) {
        // Spark would keep one of the two and Kernel both; neither is safe to guess.
        throw new JsonFields.MalformedActionException("the line holds two actions, \""
            + actionKey + "\" and \"" + key + "\"; each line must hold exactly one");
      }
      actionKey = key;
      if (!wanted.contains(type)) {
        p.skipChildren();
        continue;
      }
      if (type != ActionType.COMMIT_INFO) {
        JsonFields.expectObject(p, key);
      }
      action = read(type, p);
    }
    return action;
  }

  /** Like {@link ActionType#fromKey} without its per-call array copy: this runs for every line. */
  private static ActionType typeOf(String key) {
    return switch (key) {
      case "add" -> ActionType.ADD;
      case "remove" -> ActionType.REMOVE;
      case "metaData" -> ActionType.METADATA;
      case "protocol" -> ActionType.PROTOCOL;
      case "cdc" -> ActionType.CDC;
      case "txn" -> ActionType.TXN;
      case "commitInfo" -> ActionType.COMMIT_INFO;
      case "domainMetadata" -> ActionType.DOMAIN_METADATA;
      case "checkpointMetadata" -> ActionType.CHECKPOINT_METADATA;
      case "sidecar" -> ActionType.SIDECAR;
      default -> null;
    };
  }

  /**
   * Reads only the body of an action of {@code type}, the object at the parser's current token, as
   * version checksum files embed {@code metadata}, {@code protocol} and the like. Same checks as
   * for a log line; leaves the parser on the object's last token.
   *
   * @throws IOException naming the field at fault when the object is not a valid action body
   */
  public static Action readBody(JsonParser p, ActionType type) throws IOException {
    if (type != ActionType.COMMIT_INFO) {
      JsonFields.expectObject(p, type.key());
    }
    return read(type, p);
  }

  private static Action read(ActionType type, JsonParser p) throws IOException {
    return switch (type) {
      case ADD -> FileActionReaders.add(p);
      case REMOVE -> FileActionReaders.remove(p);
      case METADATA -> TableActionReaders.metadata(p);
      case PROTOCOL -> TableActionReaders.protocol(p);
      case CDC -> FileActionReaders.cdc(p);
      case TXN -> TableActionReaders.txn(p);
      case COMMIT_INFO -> CommitInfoReader.read(p);
      case DOMAIN_METADATA -> TableActionReaders.domainMetadata(p);
      case CHECKPOINT_METADATA -> TableActionReaders.checkpointMetadata(p);
      case SIDECAR -> TableActionReaders.sidecar(p);
    };
  }


}
