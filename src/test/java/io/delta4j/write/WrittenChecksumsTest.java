package io.delta4j.write;

import static io.delta4j.write.TransactionTest.SCHEMA;
import static io.delta4j.write.TransactionTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaTable;
import io.delta4j.expr.Predicates;
import io.delta4j.log.crc.VersionChecksum;
import io.delta4j.log.crc.VersionChecksums;
import io.delta4j.storage.LocalStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every commit delta4j makes leaves a {@code .crc} equal to the checksum computed from the snapshot itself. */
class WrittenChecksumsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyVersionHasAnExactChecksum(boolean deletionVectors) throws Exception {
    String path = dir.resolve("t").toString();
    Map<String, String> properties = deletionVectors ? Map.of("delta.enableDeletionVectors", "true") : Map.of();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of("date"), properties);
    t.newTransaction().append(rows(0, 100, "a")).append(rows(100, 200, "b")).commit();
    t.newTransaction().withAppVersion("app", 1).append(rows(200, 210, "c")).commit();
    t.newTransaction().delete(Predicates.lessThan("id", 150L)).commit();
    t.newTransaction().overwrite(rows(300, 305, "b"), Predicates.equal("date", "b")).commit();
    assertEquals(4, t.version());
    try (LocalStorage storage = new LocalStorage()) {
      for (long v = 0; v <= 4; v++) {
        Optional<VersionChecksum> written = VersionChecksums.read(storage, t.root(), path, v);
        assertTrue(written.isPresent(), "a .crc for version " + v);
        VersionChecksum expected = VersionChecksums.full(t.snapshotAt(v));
        assertEquals(expected, withoutTxnId(written.get()), "version " + v);
      }
    }
  }

  private static VersionChecksum withoutTxnId(VersionChecksum c) {
    return new VersionChecksum(Optional.empty(), c.tableSizeBytes(), c.numFiles(), c.numDeletedRecords(),
        c.numDeletionVectors(), c.numMetadata(), c.numProtocol(), c.inCommitTimestamp(), c.setTransactions(),
        c.domainMetadata(), c.metadata(), c.protocol(), c.fileSizeHistogram(), c.deletedRecordCountsHistogram());
  }
}
