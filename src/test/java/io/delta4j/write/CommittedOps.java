package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.delta4j.DeltaTable;
import io.delta4j.HistoryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.LongStream;

/**
 * The operations that concurrent writers committed to an {@link IdRows} table, each with the
 * version its commit became. Serializability means the table holds exactly what replaying them in
 * version order gives, whatever order they ran in; this class checks that, and that the versions
 * and the history agree with what the writers were told. Thread-safe.
 */
final class CommittedOps {
  /**
   * One committed operation: it removed the rows {@code removes} matches (id, partition), then
   * added {@code adds} (id to partition).
   *
   * @param operation the commitInfo operation it must have
   */
  record Op(long version, String operation, String description, BiPredicate<Long, String> removes,
      Map<Long, String> adds) {
    @Override
    public String toString() {
      return version + ":" + description;
    }
  }

  private final List<Op> ops = new ArrayList<>();

  void append(long version, String partition, List<Long> ids) {
    add(new Op(version, "WRITE", "append " + partition + ids, (id, p) -> false, rows(partition, ids)));
  }

  void deletePartition(long version, String partition) {
    add(new Op(version, "DELETE", "delete " + partition, (id, p) -> partition.equals(p), Map.of()));
  }

  void replacePartition(long version, String partition, List<Long> ids) {
    add(new Op(version, "WRITE", "replace " + partition + " by " + ids, (id, p) -> partition.equals(p),
        rows(partition, ids)));
  }

  /** A delete of the rows whose id is in [from, to), whatever their partition. */
  void deleteIds(long version, long from, long to) {
    add(new Op(version, "DELETE", "delete ids [" + from + ", " + to + ")", (id, p) -> id >= from && id < to, Map.of()));
  }

  synchronized int size() {
    return ops.size();
  }

  private synchronized void add(Op op) {
    ops.add(op);
  }

  private static Map<Long, String> rows(String partition, List<Long> ids) {
    Map<Long, String> rows = new TreeMap<>();
    ids.forEach(id -> rows.put(id, partition));
    return rows;
  }

  /**
   * Asserts that the versions from {@code firstVersion} to the table's latest are exactly the
   * operations recorded, with the operation names the history gives, and that the table at each
   * of them holds {@code start} with the operations up to it replayed in version order. Every
   * version is checked, not only the last: a later delete of a partition would hide a row that an
   * earlier one wrongly kept.
   */
  synchronized void assertTableMatches(DeltaTable table, long firstVersion, Map<Long, String> start) {
    table.refresh();
    List<Op> ordered = new ArrayList<>(ops);
    ordered.sort(Comparator.comparingLong(Op::version));
    assertEquals(LongStream.rangeClosed(firstVersion, table.version()).boxed().toList(),
        ordered.stream().map(Op::version).toList(), "one committed operation per version, no gap");
    for (HistoryEntry entry : table.history(ordered.size())) {
      Op op = ordered.get((int) (entry.version() - firstVersion));
      assertEquals(op.operation(), entry.commitInfo().orElseThrow().operation().orElseThrow(), "operation of " + op);
    }
    Map<Long, String> model = new TreeMap<>(start);
    for (Op op : ordered) {
      model.entrySet().removeIf(row -> op.removes().test(row.getKey(), row.getValue()));
      model.putAll(op.adds());
      Map<Long, String> actual = IdRows.content(table.snapshotAt(op.version()));
      if (!model.equals(actual)) {
        Map<Long, String> missing = new TreeMap<>(model);
        missing.entrySet().removeAll(actual.entrySet());
        Map<Long, String> unexpected = new TreeMap<>(actual);
        unexpected.entrySet().removeAll(model.entrySet());
        fail("At version " + op.version() + ", the rows differ from the commits replayed in version order: missing "
            + missing + ", unexpected " + unexpected + "; commits: " + ordered);
      }
    }
  }
}
