package io.delta4j.testdata;

import static io.delta4j.testdata.JsonText.obj;
import static io.delta4j.testdata.TableBuilder.domain;
import static io.delta4j.testdata.TableBuilder.protocol;
import static io.delta4j.testdata.TableBuilder.ts;
import static io.delta4j.testdata.TableBuilder.txn;
import static io.delta4j.testdata.TableBuilder.with;

import io.delta4j.testdata.TableBuilder.CheckpointInfo;
import io.delta4j.testdata.TableBuilder.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Generates {@code tests-data/}: small Delta tables, valid and broken, each described with its
 * expected answers in {@code tests-data/README.md}. The output is deterministic to the byte, and
 * {@code TestDataGeneratorTest} checks that the committed tables equal a fresh generation.
 *
 * <p>Regenerate after changing a table (or upgrading parquet-java, whose version is in every
 * Parquet footer):
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.delta4j.testdata.TestDataGenerator tests-data
 * </pre>
 */
public final class TestDataGenerator {
  /** Hand-written files in tests-data that the generator neither writes nor deletes. */
  static final List<String> HAND_WRITTEN = List.of("README.md", ".gitattributes");

  static final List<Column> SIMPLE = List.of(new Column("id", "long"), new Column("name", "string"));
  private static final Map<String, Object> APPEND = obj("mode", "Append", "partitionBy", "[]");

  private TestDataGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "tests-data");
    clean(out);
    generate(out);
  }

  /** Writes every table under {@code out}. */
  static void generate(Path out) throws IOException {
    people(out);
    simple(out);
    specialPaths(out);
    dvKeys(out);
    domainsAndTxns(out);
    multipartCheckpoint(out);
    multipartCheckpointMissingPart(out);
    v2Checkpoint(out, "v2-checkpoint-json", true);
    v2Checkpoint(out, "v2-checkpoint-parquet", false);
    BrokenTables.generate(out.resolve("broken"));
  }

  /** Deletes everything under {@code out} except the hand-written files at its top. */
  private static void clean(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(out)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        boolean keep = p.equals(out) || (p.getParent().equals(out) && HAND_WRITTEN.contains(p.getFileName().toString()));
        if (!keep) {
          Files.delete(p);
        }
      }
    }
  }

  /** {@code count} rows of the SIMPLE schema: ids from {@code first}, names {@code name-<id>}. */
  static List<Map<String, Object>> rows(long first, int count) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      rows.add(obj("id", id, "name", "name-" + id));
    }
    return rows;
  }

  // ------------------------------------------------------------------------------------ people

  private static Map<String, Object> person(long id, String name, String birthday) {
    return obj("id", id, "name", name, "birthday", birthday == null ? null : LocalDate.parse(birthday));
  }

  private static Map<String, String> city(String city) {
    Map<String, String> pv = new HashMap<>();
    pv.put("city", city);
    return pv;
  }

  /**
   * The README's demo table: partitioned by city (a space, a null and a non-ASCII value),
   * in-commit timestamps from version 0, one DELETE, one streaming txn, a classic checkpoint at
   * 10 with a checksummed {@code _last_checkpoint}, and commits 11 and 12 after it.
   */
  private static void people(Path out) throws IOException {
    List<Column> columns =
        List.of(new Column("id", "long"), new Column("name", "string"), new Column("city", "string"), new Column("birthday", "date"));
    TableBuilder t = new TableBuilder(out, "people", columns, List.of("city"));
    Map<String, Object> write = obj("mode", "Append", "partitionBy", "[\"city\"]");
    t.commit(
        t.commitInfo(true, "CREATE TABLE AS SELECT", obj("partitionBy", "[\"city\"]", "description", null, "isManaged", "false", "properties", "{\"delta.enableInCommitTimestamps\":\"true\"}")),
        protocol(1, 7, null, List.of("inCommitTimestamp")),
        t.metaData(obj("delta.enableInCommitTimestamps", "true", "delta.checkpointInterval", "10")),
        t.add(city("Berlin"), List.of(person(1, "Alice", "1990-01-15"), person(2, "Bob", "1985-06-30"))));
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city("Z\u00fcrich"), List.of(person(3, "Chlo\u00e9", "1992-03-03"), person(4, "Dieter", null))));
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city("New York"), List.of(person(5, "Eve", "1988-12-24"), person(6, "Frank", "1979-07-04"))));
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city(null), List.of(person(7, "Grace", "2000-02-29"), person(8, "Heidi", "1995-05-05"))));
    Map<String, Object> paris = t.add(city("Paris"), List.of(person(9, "Ivan", "1983-09-17"), person(10, "Judy", "1991-11-11")));
    t.commit(t.commitInfo(true, "WRITE", write), paris);
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city("Berlin"), List.of(person(11, "Karl", "1970-01-01"), person(12, "Lena", "1999-12-31"))));
    t.commit(t.commitInfo(true, "DELETE", obj("predicate", "[\"(city#1 = Paris)\"]")), t.remove(paris));
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city("Z\u00fcrich"), List.of(person(13, "Mallory", "1987-04-01"), person(14, "Niklas", "1993-08-08"))));
    t.commit(
        t.commitInfo(true, "STREAMING UPDATE", obj("outputMode", "Append", "queryId", t.uuid("stream").toString(), "epochId", "7")),
        t.add(city("Tokyo"), List.of(person(15, "Olivia", "1996-10-10"), person(16, "Peggy", null))),
        txn(t.uuid("stream").toString(), 7, ts(8)));
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city("New York"), List.of(person(17, "Quentin", "1980-02-02"), person(18, "Rupert", "1975-03-15"))));
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city("Berlin"), List.of(person(19, "Sybil", "1998-06-06"), person(20, "Trent", "1984-04-04"))));
    t.lastCheckpoint(t.classicCheckpoint());
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city(null), List.of(person(21, "Uma", "1994-07-07"), person(22, "Victor", "1989-09-09"))));
    t.commit(t.commitInfo(true, "WRITE", write),
        t.add(city("Paris"), List.of(person(23, "Walter", "1982-10-10"), person(24, "Xena", "1997-01-20"))));
  }

  // ------------------------------------------------------------------------------------ simple

  /** Protocol 1/2, three JSON commits, no checkpoint, unpartitioned. */
  private static void simple(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "simple", SIMPLE, List.of());
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(1, 2, null, null),
        t.metaData(Map.of()),
        t.add(Map.of(), rows(1, 3)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(4, 2)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(6, 2)));
  }

  // ----------------------------------------------------------------------------- special-paths

  /**
   * Paths that need URI decoding, removed or re-added under a different but equivalent encoding,
   * so that reconciliation must key on the decoded path.
   */
  private static void specialPaths(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "special-paths", SIMPLE, List.of());
    Map<String, String> none = Map.of();
    Map<String, Object> space = t.add("a b.parquet", "a%20b.parquet", none, rows(1, 1));
    Map<String, Object> percent = t.add("100%.parquet", "100%25.parquet", none, rows(2, 1));
    Map<String, Object> hash = t.add("hash#1.parquet", "hash%231.parquet", none, rows(3, 1));
    Map<String, Object> equals = t.add("key=a b/c=d.parquet", "key=a%20b/c=d.parquet", none, rows(4, 1));
    Map<String, Object> unicode =
        t.add("\u00fcnicode-\u6587\u4ef6.parquet", "%C3%BCnicode-%E6%96%87%E4%BB%B6.parquet", none, rows(5, 1));
    Map<String, Object> cafe = t.add("caf\u00e9.parquet", "caf%C3%A9.parquet", none, rows(6, 1));
    Map<String, Object> zurich = t.add("Z\u00fcrich plan.parquet", "Z\u00fcrich%20plan.parquet", none, rows(7, 1));
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(1, 2, null, null),
        t.metaData(Map.of()),
        space, percent, hash, equals, unicode, cafe, zurich);
    t.commit(
        t.commitInfo(false, "DELETE", obj("predicate", "[\"(id#0 IN (3,4,5))\"]")),
        with(t.remove(hash), "path", "hash%23%31.parquet"),
        with(t.remove(equals), "path", "key%3Da%20b/c%3Dd.parquet"),
        with(t.remove(unicode), "path", "\u00fcnicode-\u6587\u4ef6.parquet"));
    t.commit(
        t.commitInfo(false, "COMPUTE STATS", obj()),
        with(cafe, "path", "caf%c3%a9.parquet", "dataChange", false, "modificationTime", ts(2), "tags", obj("recomputed", "true")));
  }

  // ---------------------------------------------------------------------------------- dv-keys

  private static Map<String, Object> inlineDv(int... rows) {
    byte[] bitmap = DvBytes.bitmap(rows);
    return obj("storageType", "i", "pathOrInlineDv", DvBytes.z85(bitmap), "sizeInBytes", bitmap.length, "cardinality", (long) rows.length);
  }

  /** An add of the same file with a deletion vector: stats keep numRecords, bounds become wide. */
  private static Map<String, Object> withDv(Map<String, Object> add, Map<String, Object> dv, long version) {
    String stats = (String) TableBuilder.castMap(add.get("add")).get("stats");
    String wide = stats.replaceFirst("^\\{\"numRecords\":(\\d+),", "{\"numRecords\":$1,\"tightBounds\":false,");
    return with(add, "deletionVector", dv, "stats", wide, "modificationTime", ts(version));
  }

  /**
   * Reconciliation keyed by (path, deletion vector unique id): files re-added with new inline and
   * on-disk DVs while the old (path, dv) is removed, two DVs in one file told apart by offset, and
   * a late remove of an old (path, dv) that must not remove the live (path, newer dv).
   */
  private static void dvKeys(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "dv-keys", SIMPLE, List.of());
    Map<String, Object> a = t.add(Map.of(), rows(0, 10));
    Map<String, Object> b = t.add(Map.of(), rows(10, 10));
    Map<String, Object> c = t.add(Map.of(), rows(20, 10));
    t.commit(
        t.commitInfo(false, "WRITE", obj("mode", "ErrorIfExists", "partitionBy", "[]")),
        protocol(3, 7, List.of("deletionVectors"), List.of("deletionVectors")),
        t.metaData(obj("delta.enableDeletionVectors", "true")),
        a, b, c);

    // v1: A gets an inline DV; B a DV in its own file under the random prefix "ab".
    byte[] b1 = DvBytes.bitmap(0, 1);
    UUID b1File = t.uuid("dv-file-1");
    Files.createDirectories(t.root.resolve("ab"));
    Files.write(t.root.resolve("ab/deletion_vector_" + b1File + ".bin"), DvBytes.file(b1));
    Map<String, Object> a1 = withDv(a, inlineDv(2, 5), 1);
    Map<String, Object> b1Add =
        withDv(b, obj("storageType", "u", "pathOrInlineDv", "ab" + DvBytes.z85(b1File), "offset", 1, "sizeInBytes", b1.length, "cardinality", 2L), 1);
    t.commit(
        t.commitInfo(false, "DELETE", obj("predicate", "[\"(id#0 IN (2,5,10,11))\"]")),
        t.remove(a), a1, t.remove(b), b1Add);

    // v2: both get new DVs stored in one file, at offsets 1 and 1 + (size + 8).
    byte[] a2Bitmap = DvBytes.bitmap(2, 5, 7, 8);
    byte[] b2Bitmap = DvBytes.bitmap(0, 1, 9);
    UUID file2 = t.uuid("dv-file-2");
    Files.write(t.root.resolve("deletion_vector_" + file2 + ".bin"), DvBytes.file(a2Bitmap, b2Bitmap));
    String file2Z85 = DvBytes.z85(file2);
    Map<String, Object> a2 =
        withDv(a, obj("storageType", "u", "pathOrInlineDv", file2Z85, "offset", 1, "sizeInBytes", a2Bitmap.length, "cardinality", 4L), 2);
    Map<String, Object> b2 =
        withDv(b, obj("storageType", "u", "pathOrInlineDv", file2Z85, "offset", 1 + a2Bitmap.length + 8, "sizeInBytes", b2Bitmap.length, "cardinality", 3L), 2);
    t.commit(
        t.commitInfo(false, "DELETE", obj("predicate", "[\"(id#0 IN (7,8,19))\"]")),
        t.remove(a1), a2, t.remove(b1Add), b2);
    t.lastCheckpoint(t.classicCheckpoint());

    // v3: a late tombstone for (A, inline DV) -- (A, on-disk DV) stays live -- and C re-added.
    t.commit(
        t.commitInfo(false, "COMPUTE STATS", obj()),
        with(t.remove(a1), "dataChange", false),
        with(c, "dataChange", false, "modificationTime", ts(3), "tags", obj("recomputed", "true")));
  }

  // -------------------------------------------------------------------------- domains-and-txns

  /**
   * Domain metadata set, updated, tombstoned and re-created, unknown user and system domains,
   * and txn versions per appId that go down as well as up; a classic checkpoint at 2.
   */
  private static void domainsAndTxns(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "domains-and-txns", SIMPLE, List.of());
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(1, 7, null, List.of("domainMetadata")),
        t.metaData(Map.of()),
        t.add(Map.of(), rows(1, 2)),
        domain("com.example.app", "{\"owner\":\"alice\"}", false),
        domain("delta4j.test.toBeRemoved", "{\"x\":1}", false),
        txn("app-a", 5, ts(0)),
        txn("app-b", 10, ts(0)));
    t.commit(
        t.commitInfo(false, "WRITE", APPEND),
        t.add(Map.of(), rows(3, 2)),
        domain("com.example.app", "{\"owner\":\"bob\"}", false),
        domain("zzz.unknown", "opaque, not JSON", false),
        txn("app-a", 3, ts(1)));
    t.commit(
        t.commitInfo(false, "MANUAL UPDATE", obj()),
        domain("delta4j.test.toBeRemoved", "{\"x\":1}", true),
        domain("delta.futureFeature", "{\"x\":1}", false),
        txn("app-b", 11, ts(2)));
    t.lastCheckpoint(t.classicCheckpoint());
    t.commit(
        t.commitInfo(false, "WRITE", APPEND),
        t.add(Map.of(), rows(5, 2)),
        domain("delta4j.test.toBeRemoved", "{\"x\":2}", false),
        txn("app-a", 4, ts(3)));
  }

  // ---------------------------------------------------------------------------- checkpoints

  /**
   * A valid 2-part checkpoint at 2 (protocol in part 1, metaData in part 2) and a
   * {@code _last_checkpoint} without checksum; commits 0-1 cleaned up.
   */
  private static void multipartCheckpoint(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "multipart-checkpoint", SIMPLE, List.of());
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(1, 2, null, null), t.metaData(Map.of()), t.add(Map.of(), rows(1, 2)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(3, 2)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(5, 2)));
    // rows: protocol, metaData, add f0, add f1, add f2. No checksum, as the writers of
    // multi-part checkpoints (older Spark) wrote none.
    CheckpointInfo info = t.multiPartCheckpoint(2, new int[] {1, 2, 1, 2, 1});
    t.lastCheckpointText(JsonText.of(TableBuilder.lastCheckpointJsonWithoutChecksum(info)) + "\n");
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(7, 2)));
    t.deleteCommits(0, 1);
  }

  /**
   * A complete classic checkpoint at 2 and a newer 3-part checkpoint at 4 whose part 2 (holding
   * metaData) is missing, with {@code _last_checkpoint} pointing at the incomplete one.
   */
  private static void multipartCheckpointMissingPart(Path out) throws IOException {
    TableBuilder t = new TableBuilder(out, "multipart-checkpoint-missing-part", SIMPLE, List.of());
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(1, 2, null, null), t.metaData(Map.of()), t.add(Map.of(), rows(1, 2)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(3, 2)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(5, 2)));
    t.classicCheckpoint();
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(7, 2)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(9, 2)));
    // rows: protocol, metaData, add f0..f4; part 2 (metaData, f0, f4) is never written.
    t.lastCheckpoint(t.multiPartCheckpoint(3, new int[] {1, 2, 2, 1, 3, 3, 2}, 2));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(11, 2)));
    t.deleteCommits(0, 1);
  }

  /**
   * A UUID-named V2 checkpoint at 2 (JSON or Parquet) whose file actions live in two sidecars;
   * commits 0-1 cleaned up, so the checkpoint must be read.
   */
  private static void v2Checkpoint(Path out, String name, boolean json) throws IOException {
    TableBuilder t = new TableBuilder(out, name, SIMPLE, List.of());
    Map<String, Object> f0 = t.add(Map.of(), rows(1, 2));
    t.commit(
        t.commitInfo(false, "CREATE TABLE AS SELECT", obj("partitionBy", "[]")),
        protocol(3, 7, List.of("v2Checkpoint"), List.of("v2Checkpoint", "domainMetadata")),
        t.metaData(obj("delta.checkpointPolicy", "v2")),
        f0,
        t.add(Map.of(), rows(3, 2)),
        domain("com.example.v2", "{\"k\":\"v\"}", false),
        txn("app-v2", 1, ts(0)));
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(5, 2)));
    t.commit(
        t.commitInfo(false, "DELETE", obj("predicate", "[\"(id#0 < 3)\"]")),
        t.remove(f0),
        t.add(Map.of(), rows(7, 2)));
    CheckpointInfo info = t.v2Checkpoint(json, 2);
    t.lastCheckpoint(info);
    t.commit(t.commitInfo(false, "WRITE", APPEND), t.add(Map.of(), rows(9, 2)));
    t.deleteCommits(0, 1);
  }
}
