package io.delta4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.expr.Predicates;
import io.delta4j.storage.S3Storage;
import io.delta4j.storage.S3TestServer;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The public API on S3 gives what it gives on local disk: writes, reads, and uploaded tables. */
class DeltaTableS3Test {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  private static final StructType SCHEMA = new StructType(List.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("name", PrimitiveType.STRING, true),
      new StructField("date", PrimitiveType.STRING, true)));

  @TempDir Path dir;

  private static List<Map<String, Object>> rows(long from, long to, String date) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(Map.of("id", i, "name", "n" + i, "date", date));
    }
    return rows;
  }

  /**
   * What a reader sees of a table written twice: all but the table id, times and file names,
   * which two writes never share.
   */
  private record Seen(long version, Object protocol, String schema, List<String> partitionColumns,
      List<String> filePartitions, List<String> rows) {}

  private static Seen seen(DeltaTable t) {
    Snapshot s = t.snapshot();
    return new Seen(s.version(), s.protocol(), s.metadata().schemaString(), s.metadata().partitionColumns(),
        s.addFiles().stream().map(a -> new java.util.TreeMap<>(a.partitionValues()).toString()).sorted().toList(),
        rowsOf(t));
  }

  private static List<String> rowsOf(DeltaTable t) {
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = t.snapshot().scan().rows()) {
      it.forEachRemaining(r -> rows.add(r.toString()));
    }
    rows.sort(null);
    return rows;
  }

  @Test
  void writesOnS3ReadBackAsTheSameWritesOnDisk() {
    String s3 = S3.root(S3.createBucket(), "events").toString();
    String local = dir.resolve("events").toString();
    List<Consumer<DeltaTable>> steps = List.of(
        t -> t.newTransaction().append(rows(0, 10, "2024-01-01")).append(rows(10, 20, "a:b/c d é")).commit(),
        t -> t.newTransaction().append(rows(20, 25, "2024-01-02")).commit(),
        t -> t.newTransaction().delete(Predicates.equal("date", "2024-01-01")).commit(),
        t -> t.newTransaction().delete(Predicates.lessThan("id", 12L)).commit(),
        t -> t.newTransaction().overwrite(rows(100, 103, "x")).commit());
    try (DeltaTable onS3 = DeltaTable.create(s3, SCHEMA, List.of("date"), Map.of(), S3.options());
        DeltaTable onDisk = DeltaTable.create(local, SCHEMA, List.of("date"), Map.of(), StorageOptions.none())) {
      for (Consumer<DeltaTable> step : steps) {
        step.accept(onS3);
        step.accept(onDisk);
        try (DeltaTable reopened = DeltaTable.open(s3, S3.options())) {
          Seen expected = seen(DeltaTable.open(local));
          assertEquals(expected, seen(reopened));
          assertEquals(onDisk.getFiles().size(), reopened.getFiles().size());
        }
      }
      assertEquals(5, onS3.version());
      assertEquals(3, rowsOf(onS3).size());
      // VACUUM lists the S3 table recursively and deletes what the disk twin deletes.
      int deletedOnDisk = onDisk.vacuum(Duration.ZERO, false, true /* force */).files().size();
      assertTrue(deletedOnDisk > 0);
      assertEquals(deletedOnDisk, onS3.vacuum(Duration.ZERO, false, true /* force */).files().size());
      assertEquals(rowsOf(onDisk), rowsOf(onS3));
      assertThrows(TableAlreadyExistsException.class,
          () -> DeltaTable.create(s3, SCHEMA, List.of(), Map.of(), S3.options()));
    }
  }

  @Test
  void checkpointsAndTimeTravelWorkOnS3() {
    String s3 = S3.root(S3.createBucket(), "t").toString();
    try (DeltaTable t = DeltaTable.create(s3, SCHEMA, List.of(), Map.of(), S3.options())) {
      for (int i = 0; i < 3; i++) {
        t.newTransaction().append(rows(i * 10, i * 10 + 10, "d")).commit();
      }
      assertEquals(3, t.checkpoint());
      t.newTransaction().append(rows(30, 40, "d")).commit();
    }
    try (DeltaTable t = DeltaTable.open(s3, S3.options())) {
      assertEquals(4, t.version());
      assertEquals(40, rowsOf(t).size());
      assertEquals(2, t.snapshotAt(2).version());
      assertEquals(20, t.snapshotAt(2).scan().count());
    }
  }

  /**
   * A conditional PUT that lands but whose answer is lost (a timeout) is an ambiguous outcome: the
   * SDK must not retry it, and the committer puts the same bytes again, gets 412, reads the
   * commit back and finds its own transaction id. The commit happens once.
   */
  @Test
  void aCommitWhoseAnswerIsLostIsSettledByReadingItBack() throws IOException {
    URI root = S3.root(S3.createBucket(), "t/");
    AtomicBoolean armed = new AtomicBoolean(true);
    ExecutionInterceptor loseAnswer = new ExecutionInterceptor() {
      @Override
      public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutObjectRequest put && put.key().endsWith("00000000000000000001.json")
            && armed.getAndSet(false)) {
          throw SdkClientException.create("Read timed out", new SocketTimeoutException("simulated: answer lost"));
        }
      }
    };
    try (S3Storage storage = S3.storage(S3.options(), loseAnswer);
        DeltaTable t = DeltaTable.create(root.toString(), root, storage, SCHEMA, List.of(), Map.of())) {
      CommitResult result = t.newTransaction().append(rows(0, 5, "d")).commit();
      assertEquals(1, result.version());
      assertFalse(armed.get(), "the answer was lost");
      assertEquals(1, t.version());
      assertEquals(5, rowsOf(t).size());
    }
  }

  /** The upload helper makes an S3 twin of a local table; both read the same (conformance on S3). */
  @Test
  void uploadedTablesReadAsOnDisk() throws IOException {
    String bucket = S3.createBucket();
    for (String name : List.of("people", "simple", "special-paths", "dv-keys", "multipart-checkpoint",
        "v2-checkpoint-parquet", "v2-checkpoint-json", "domains-and-txns")) {
      Path local = Path.of("tests-data", name);
      URI root = S3.root(bucket, name + "/");
      S3.upload(local, root);
      try (DeltaTable onS3 = DeltaTable.open(root.toString(), S3.options());
          DeltaTable onDisk = DeltaTable.open(local.toString())) {
        assertEquals(SnapshotContent.of(onDisk.snapshot()), SnapshotContent.of(onS3.snapshot()), name);
        assertEquals(rowsOf(onDisk), rowsOf(onS3), name);
        assertTrue(onS3.getFiles().size() > 0, name);
      }
    }
  }
}
