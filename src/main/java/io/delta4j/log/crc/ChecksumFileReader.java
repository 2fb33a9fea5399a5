package io.delta4j.log.crc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.CorruptLogException;
import io.delta4j.DeltaErrors;
import io.delta4j.log.ActionParser;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a {@link VersionChecksum} with one streaming parser. Unknown fields are skipped, as
 * "Protocol Evolution" asks, and so are {@code allFiles} and the {@code numTransactions} of old
 * writers; a JSON null reads as absent. Both names of the file size histogram are accepted:
 * {@code fileSizeHistogram} (the protocol, Delta 4.x, Kernel) and {@code histogramOpt} (Delta
 * before 4.x).
 */
final class ChecksumFileReader {
  private ChecksumFileReader() {}

  /**
   * @param file the file relative to the table, for messages
   * @throws CorruptLogException naming the file and the problem when it is not a valid checksum
   */
  static VersionChecksum read(byte[] content, String table, String file) {
    try (JsonParser p = Json.FACTORY.createParser(content)) {
      return read(p);
    } catch (JsonProcessingException e) {
      throw DeltaErrors.corruptFile(table, file, "it is not valid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException | IllegalArgumentException e) {
      throw DeltaErrors.corruptFile(table, file, "it is not a valid version checksum: " + e.getMessage(), e);
    }
  }

  private static VersionChecksum read(JsonParser p) throws IOException {
    expect(p.nextToken() == JsonToken.START_OBJECT, "it is not a JSON object");
    Optional<String> txnId = Optional.empty();
    OptionalLong tableSizeBytes = OptionalLong.empty();
    OptionalLong numFiles = OptionalLong.empty();
    OptionalLong numDeletedRecords = OptionalLong.empty();
    OptionalLong numDeletionVectors = OptionalLong.empty();
    OptionalLong numMetadata = OptionalLong.empty();
    OptionalLong numProtocol = OptionalLong.empty();
    OptionalLong inCommitTimestamp = OptionalLong.empty();
    Optional<List<SetTransaction>> txns = Optional.empty();
    Optional<List<DomainMetadata>> domains = Optional.empty();
    Metadata metadata = null;
    Protocol protocol = null;
    Optional<FileSizeHistogram> histogram = Optional.empty();
    Optional<DeletedRecordCountsHistogram> deleted = Optional.empty();
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (p.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "txnId" -> txnId = Optional.of(string(p, name));
        case "tableSizeBytes" -> tableSizeBytes = OptionalLong.of(int64(p, name));
        case "numFiles" -> numFiles = OptionalLong.of(int64(p, name));
        case "numDeletedRecordsOpt" -> numDeletedRecords = OptionalLong.of(int64(p, name));
        case "numDeletionVectorsOpt" -> numDeletionVectors = OptionalLong.of(int64(p, name));
        case "numMetadata" -> numMetadata = OptionalLong.of(int64(p, name));
        case "numProtocol" -> numProtocol = OptionalLong.of(int64(p, name));
        case "inCommitTimestampOpt" -> inCommitTimestamp = OptionalLong.of(int64(p, name));
        case "setTransactions" -> txns = Optional.of(actions(p, name, ActionType.TXN));
        case "domainMetadata" -> domains = Optional.of(actions(p, name, ActionType.DOMAIN_METADATA));
        case "metadata" -> metadata = (Metadata) ActionParser.readBody(p, ActionType.METADATA);
        case "protocol" -> protocol = (Protocol) ActionParser.readBody(p, ActionType.PROTOCOL);
        case "fileSizeHistogram", "histogramOpt" -> histogram = Optional.of(fileSizeHistogram(p, name));
        case "deletedRecordCountsHistogramOpt" -> deleted = Optional.of(
            new DeletedRecordCountsHistogram(longs(p, name, "deletedRecordCounts")));
        default -> p.skipChildren();
      }
    }
    expect(p.nextToken() == null, "there is content after the JSON object");
    require(tableSizeBytes.isPresent(), "tableSizeBytes");
    require(numFiles.isPresent(), "numFiles");
    require(numMetadata.isPresent(), "numMetadata");
    require(numProtocol.isPresent(), "numProtocol");
    require(metadata != null, "metadata");
    require(protocol != null, "protocol");
    return new VersionChecksum(txnId, tableSizeBytes.getAsLong(), numFiles.getAsLong(),
        numDeletedRecords, numDeletionVectors, numMetadata.getAsLong(), numProtocol.getAsLong(),
        inCommitTimestamp, txns, domains, metadata, protocol, histogram, deleted);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Action> List<T> actions(JsonParser p, String field, ActionType type)
      throws IOException {
    expect(p.currentToken() == JsonToken.START_ARRAY, "field \"" + field + "\" is not an array");
    List<T> actions = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      actions.add((T) ActionParser.readBody(p, type));
    }
    return actions;
  }

  private static FileSizeHistogram fileSizeHistogram(JsonParser p, String field) throws IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT, "field \"" + field + "\" is not an object");
    List<Long> boundaries = null;
    List<Long> counts = null;
    List<Long> bytes = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "sortedBinBoundaries" -> boundaries = longArray(p, field + "." + name);
        case "fileCounts" -> counts = longArray(p, field + "." + name);
        case "totalBytes" -> bytes = longArray(p, field + "." + name);
        default -> p.skipChildren();
      }
    }
    require(boundaries != null, field + ".sortedBinBoundaries");
    require(counts != null, field + ".fileCounts");
    require(bytes != null, field + ".totalBytes");
    return new FileSizeHistogram(boundaries, counts, bytes);
  }

  /** The one array field {@code inner} of the object at the current token. */
  private static List<Long> longs(JsonParser p, String field, String inner) throws IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT, "field \"" + field + "\" is not an object");
    List<Long> values = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      if (name.equals(inner)) {
        values = longArray(p, field + "." + name);
      } else {
        p.skipChildren();
      }
    }
    require(values != null, field + "." + inner);
    return values;
  }

  private static List<Long> longArray(JsonParser p, String field) throws IOException {
    expect(p.currentToken() == JsonToken.START_ARRAY, "field \"" + field + "\" is not an array");
    List<Long> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      values.add(int64(p, field + "[" + values.size() + "]"));
    }
    return values;
  }

  private static long int64(JsonParser p, String field) throws IOException {
    expect(p.currentToken() == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER,
        "field \"" + field + "\" must be a 64-bit integer, was " + p.getText());
    return p.getLongValue();
  }

  private static String string(JsonParser p, String field) throws IOException {
    expect(p.currentToken() == JsonToken.VALUE_STRING,
        "field \"" + field + "\" must be a string, was " + p.getText());
    return p.getText();
  }

  private static void require(boolean present, String field) throws IOException {
    expect(present, "required field \"" + field + "\" is missing");
  }

  private static void expect(boolean ok, String problem) throws IOException {
    if (!ok) {
      throw new IOException(problem);
    }
  }
}
