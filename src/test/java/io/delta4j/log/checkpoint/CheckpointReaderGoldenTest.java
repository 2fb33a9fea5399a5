package io.delta4j.log.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.data.CountingStorage;
import io.delta4j.SharedTables;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.action.Sidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checkpoints of the shared golden tables read into the exact actions they hold. */
class CheckpointReaderGoldenTest {
  private static final String V2 = "golden/kernel/kernel-pagination-v2-checkpoint-parquet/_delta_log/";

  private final CountingStorage storage = new CountingStorage();

  private List<Action> read(String relative, Set<ActionType> wanted) throws IOException {
    Path file = SharedTables.file(relative);
    List<Action> out = new ArrayList<>();
    CheckpointReader.read(storage, file.toUri(), OptionalLong.of(Files.size(file)), "t", relative, wanted, out::add);
    return out;
  }

  private static <T> List<T> only(List<Action> actions, Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void singleCheckpointHas22AddsIn24Rows() throws IOException {
    String file = "golden/kernel/kernel-pagination-single-checkpoint/_delta_log/00000000000000000010.checkpoint.parquet";
    List<Action> all = read(file, ActionType.all());
    assertEquals(24, all.size());
    assertEquals(22, only(all, AddFile.class).size());
    assertEquals(22, read(file, Set.of(ActionType.ADD)).size());
    assertEquals(2, read(file, CheckpointReader.STATE_ACTIONS).size()); // protocol and metaData
  }

  @Test
  void multiPartCheckpointPartsHold5And7And6Adds() throws IOException {
    String dir = "golden/kernel/kernel-pagination-multi-part-checkpoints/_delta_log/00000000000000000000.checkpoint.";
    assertEquals(5, read(dir + "0000000001.0000000003.parquet", Set.of(ActionType.ADD)).size());
    assertEquals(7, read(dir + "0000000002.0000000003.parquet", Set.of(ActionType.ADD)).size());
    assertEquals(6, read(dir + "0000000003.0000000003.parquet", Set.of(ActionType.ADD)).size());
  }

  @Test
  void v2ParquetCheckpointNamesItsSidecarsWhichHoldTheFiles() throws IOException {
    List<Action> top = read(V2 + "00000000000000000002.checkpoint.e8fa2696-9728-4e9c-b285-634743fdd4fb.parquet",
        ActionType.all());
    assertEquals(0, only(top, AddFile.class).size());
    assertEquals(List.of(new CheckpointMetadata(2, Map.of())), only(top, CheckpointMetadata.class));
    List<Sidecar> sidecars = only(top, Sidecar.class);
    assertEquals(
        List.of(
            new Sidecar("00000000000000000002.checkpoint.0000000001.0000000002.055454d8-329c-4e0e-864d-7f867075af33.parquet",
                9268, 1714496113961L, Map.of()),
            new Sidecar("00000000000000000002.checkpoint.0000000002.0000000002.33321cc1-9c55-4d1f-8511-fafe6d2e1133.parquet",
                9367, 1714496113961L, Map.of())),
        sidecars);
    assertEquals(new Protocol(3, 7, Set.of("v2Checkpoint"), Set.of("v2Checkpoint", "appendOnly", "invariants")),
        only(top, Protocol.class).get(0));
    assertEquals(Map.of("delta.checkpointInterval", "2", "delta.checkpointPolicy", "v2"),
        only(top, Metadata.class).get(0).configuration());

    Path logDir = SharedTables.file(V2 + "00000000000000000002.json").getParent();
    List<Integer> addsPerSidecar = new ArrayList<>();
    for (Sidecar sidecar : sidecars) {
      Path path = Path.of(CheckpointReader.sidecarLocation(logDir.toUri(), sidecar));
      assertEquals(sidecar.sizeInBytes(), Files.size(path));
      addsPerSidecar.add(read(SharedTables.root().relativize(path).toString(), CheckpointReader.FILE_ACTIONS).size());
    }
    assertEquals(List.of(3, 1), addsPerSidecar);
  }

  @Test
  void delta020CheckpointHasProtocolTxnAndFourTombstones() throws IOException {
    List<Action> all = read("delta-rs-data/delta-0.2.0/_delta_log/00000000000000000003.checkpoint.parquet", ActionType.all());
    assertEquals(List.of(new Protocol(1, 2)), only(all, Protocol.class));
    assertEquals(List.of(new SetTransaction("e4a20b59-dd0e-4c50-b074-e8ae4786df30", 0, OptionalLong.of(1564524299648L))),
        only(all, SetTransaction.class));
    List<RemoveFile> removes = only(all, RemoveFile.class);
    assertEquals(4, removes.size());
    RemoveFile first = removes.get(0);
    assertEquals("part-00000-512e1537-8aaa-4193-b8b4-bef3de0de409-c000.snappy.parquet", first.path());
    assertEquals(OptionalLong.of(1564524298213L), first.deletionTimestamp());
    assertFalse(first.dataChange());
    assertEquals(Optional.empty(), first.deletionVector());
    Metadata metadata = only(all, Metadata.class).get(0);
    assertEquals(Format.parquet(), metadata.format());
    assertEquals(List.of(), metadata.partitionColumns());
    assertEquals(OptionalLong.of(1564524294376L), metadata.createdTime());
  }

  @Test
  void deletionVectorsAndPartitionValues() throws IOException {
    List<Action> all = read("golden/delta-golden/dv-partitioned-with-checkpoint/_delta_log/00000000000000000010.checkpoint.parquet",
        ActionType.all());
    List<AddFile> adds = only(all, AddFile.class);
    assertEquals(18, adds.size());
    assertEquals(10, only(all, RemoveFile.class).size());
    assertEquals(3, adds.stream().filter(a -> a.deletionVector().isPresent()).count());
    AddFile withDv = adds.stream()
        .filter(a -> a.path().equals("part=4/part-00000-69ec928d-3737-4eb3-a3d8-9555a6b55ff5.c000.snappy.parquet"))
        .findFirst().orElseThrow();
    assertEquals(new DeletionVectorDescriptor("u", "+V9Oq([R6mTaoM.}Isa)", OptionalInt.of(1), 36, 2),
        withDv.deletionVector().orElseThrow());
    assertEquals(Map.of("part", "4"), withDv.partitionValues());
    assertEquals(735, withDv.size());
    assertEquals(1688691720000L, withDv.modificationTime());
    assertEquals(Optional.of("{\"numRecords\":3,\"minValues\":{\"col1\":4,\"col2\":\"foo4\"},"
            + "\"maxValues\":{\"col1\":24,\"col2\":\"foo4\"},\"nullCount\":{\"col1\":0,\"col2\":0},\"tightBounds\":false}"),
        withDv.stats());
    assertTrue(adds.stream().allMatch(a -> a.partitionValues().containsKey("part")));

    Metadata metadata = only(all, Metadata.class).get(0);
    assertEquals("testId", metadata.id());
    assertEquals(List.of("part"), metadata.partitionColumns());
    assertEquals(Map.of("delta.enableDeletionVectors", "true"), metadata.configuration());
    assertEquals(new Protocol(3, 7, Set.of("deletionVectors"), Set.of("deletionVectors")),
        only(all, Protocol.class).get(0));
  }

  @Test
  void checkpointWithoutMetadataRowHasNone() throws IOException {
    List<Action> all = read(
        "golden/delta-golden/deltalog-state-reconstruction-from-checkpoint-missing-metadata/_delta_log/00000000000000000010.checkpoint.parquet",
        ActionType.all());
    assertEquals(0, only(all, Metadata.class).size());
    assertEquals(1, only(all, Protocol.class).size());
    assertEquals(11, only(all, AddFile.class).size());
  }

  @Test
  void delta121CheckpointWithExtraRemoveFieldReads() throws IOException {
    List<Action> all = read("golden/spark/delta-1.2.1/_delta_log/00000000000000000004.checkpoint.parquet", ActionType.all());
    assertEquals(3, only(all, AddFile.class).size());
    List<RemoveFile> removes = only(all, RemoveFile.class);
    assertEquals(3, removes.size());
    assertEquals(Optional.of(true), removes.get(0).extendedFileMetadata());
    assertEquals(OptionalLong.of(1124), removes.get(0).size());
    assertEquals(Optional.of(Map.of()), removes.get(0).partitionValues());
  }

  @Test
  void unknownColumnsAreIgnoredAndParsedStatsBecomeJson() throws IOException {
    List<Action> all = read("golden/spark/transaction_log_schema_evolvability/_delta_log/00000000000000000002.checkpoint.parquet",
        ActionType.all());
    assertEquals(6, all.size()); // 2 add, 2 remove, protocol, metaData; the "unknown" column is skipped
    AddFile first = only(all, AddFile.class).get(0);
    assertEquals(Optional.of("{\"numRecords\":4,\"minValues\":{\"key\":1,\"value\":1},"
        + "\"maxValues\":{\"key\":4,\"value\":4},\"nullCount\":{\"key\":0,\"value\":0}}"), first.stats());
  }

  @Test
  void delta010CheckpointReads() throws IOException {
    List<Action> all = read("golden/spark/delta-0.1.0/_delta_log/00000000000000000003.checkpoint.parquet", ActionType.all());
    assertEquals(1, only(all, Protocol.class).size());
    assertEquals(1, only(all, Metadata.class).size());
    assertFalse(only(all, AddFile.class).isEmpty());
  }
}
