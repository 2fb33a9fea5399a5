package io.delta4j.log.crc;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.log.ActionWriter;
import io.delta4j.log.action.Action;
import io.delta4j.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes a {@link VersionChecksum} as one JSON object, keys in the order Delta 4.x writes them and
 * absent optionals left out; {@code metadata}, {@code protocol} and the list entries are written
 * as the log writes those actions. The histogram goes under the protocol's key,
 * {@code fileSizeHistogram}, which Delta 4.x and Kernel also use.
 */
final class ChecksumFileWriter {
  private ChecksumFileWriter() {}

  static byte[] write(VersionChecksum c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator gen = Json.FACTORY.createGenerator(out)) {
      gen.writeStartObject();
      if (c.txnId().isPresent()) {
        gen.writeStringField("txnId", c.txnId().get());
      }
      gen.writeNumberField("tableSizeBytes", c.tableSizeBytes());
      gen.writeNumberField("numFiles", c.numFiles());
      optLong(gen, "numDeletedRecordsOpt", c.numDeletedRecords());
      optLong(gen, "numDeletionVectorsOpt", c.numDeletionVectors());
      gen.writeNumberField("numMetadata", c.numMetadata());
      gen.writeNumberField("numProtocol", c.numProtocol());
      optLong(gen, "inCommitTimestampOpt", c.inCommitTimestamp());
      actions(gen, "setTransactions", c.setTransactions());
      actions(gen, "domainMetadata", c.domainMetadata());
      gen.writeFieldName("metadata");
      ActionWriter.writeBody(gen, c.metadata());
      gen.writeFieldName("protocol");
      ActionWriter.writeBody(gen, c.protocol());
      if (c.fileSizeHistogram().isPresent()) {
        FileSizeHistogram h = c.fileSizeHistogram().get();
        gen.writeObjectFieldStart("fileSizeHistogram");
        longs(gen, "sortedBinBoundaries", h.sortedBinBoundaries());
        longs(gen, "fileCounts", h.fileCounts());
        longs(gen, "totalBytes", h.totalBytes());
        gen.writeEndObject();
      }
      if (c.deletedRecordCountsHistogram().isPresent()) {
        gen.writeObjectFieldStart("deletedRecordCountsHistogramOpt");
        longs(gen, "deletedRecordCounts", c.deletedRecordCountsHistogram().get().deletedRecordCounts());
        gen.writeEndObject();
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  private static void actions(JsonGenerator gen, String field, Optional<? extends List<? extends Action>> actions)
      throws IOException {
    if (actions.isPresent()) {
      gen.writeArrayFieldStart(field);
      for (Action a : actions.get()) {
        ActionWriter.writeBody(gen, a);
      }
      gen.writeEndArray();
    }
  }

  private static void longs(JsonGenerator gen, String field, List<Long> values) throws IOException {
    gen.writeArrayFieldStart(field);
    for (long v : values) {
      gen.writeNumber(v);
    }
    gen.writeEndArray();
  }

  private static void optLong(JsonGenerator gen, String field, OptionalLong value) throws IOException {
    if (value.isPresent()) {
      gen.writeNumberField(field, value.getAsLong());
    }
  }
}
