package io.delta4j.storage;

import static io.delta4j.storage.StorageTestSupport.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every {@link StorageBackend} guarantee, on {@link S3Storage} against a real S3-compatible server. */
class S3StorageTest {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  private static S3Storage storage;
  private URI dir;

  @BeforeAll
  static void connect() {
    storage = S3.storage(S3.options());
  }

  @AfterAll
  static void disconnect() {
    storage.close();
  }

  @BeforeEach
  void newBucket() {
    dir = S3.root(S3.createBucket(), "t/_delta_log/");
  }

  private URI at(String name) {
    return URI.create(dir + Locations.encodePath(name));
  }

  private void touch(String... names) throws IOException {
    for (String name : names) {
      storage.putIfAbsent(at(name), name.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void listsFromStartInNameOrderIncludingTheStartItself() throws IOException {
    touch("00000000000000000002.json", "00000000000000000000.json", "00000000000000000010.checkpoint.parquet",
        "00000000000000000001.json", "_last_checkpoint");
    assertEquals(
        List.of("00000000000000000001.json", "00000000000000000002.json",
            "00000000000000000010.checkpoint.parquet", "_last_checkpoint"),
        names(storage.listFrom(at("00000000000000000001.json"))));
    assertEquals(List.of("00000000000000000010.checkpoint.parquet", "_last_checkpoint"),
        names(storage.listFrom(at("00000000000000000003"))), "a start that is not itself a file");
    assertEquals(List.of("_last_checkpoint"), names(storage.listFrom(at("_last_checkpoint"))));
    assertEquals(List.of(), names(storage.listFrom(at("_m"))));
  }

  @Test
  void startAfterIsExactForNamesJustBelowTheStart() throws IOException {
    // S3's startAfter is exclusive and the key before "ab" has no finite name: the backend asks
    // for keys after "aa" + U+10FFFF and drops the ones that extend that name.
    String highest = Character.toString(Character.MAX_CODE_POINT);
    touch("a", "a!", "aa", "ab", "ab0", "abc", "b", "a b", "aa" + highest, "aa" + highest + "x", "a" + highest);
    assertEquals(List.of("ab", "ab0", "abc", "a" + highest, "b"), names(storage.listFrom(at("ab"))));
    assertEquals(List.of("aa" + highest + "x", "ab", "ab0", "abc", "a" + highest, "b"),
        names(storage.listFrom(at("aa" + highest + "x"))));
    List<String> all = List.of("a", "a b", "a!", "aa", "aa" + highest, "aa" + highest + "x", "ab", "ab0", "abc",
        "a" + highest, "b");
    assertEquals(all, names(storage.listFrom(at("a"))));
    assertEquals(all, names(storage.listFrom(at("0"))));
    assertEquals(all.subList(1, all.size()), names(storage.listFrom(at("a\u0000"))));
  }

  @Test
  void keyBeforeSortsJustBelowTheKey() {
    assertEquals("t/00000000000000000003" + Character.toString(Character.MAX_CODE_POINT),
        S3Storage.keyBefore("t/00000000000000000004"));
    assertEquals("t/a", S3Storage.keyBefore("t/a\u0000"));
    assertEquals("t/\uD7FE" + Character.toString(Character.MAX_CODE_POINT), S3Storage.keyBefore("t/\uD7FF"));
    assertEquals("t/", S3Storage.keyBefore("t/\uE000"), "where UTF-8 and UTF-16 orders part, the key is cut");
    assertEquals("t/x", S3Storage.keyBefore("t/x\uD83D\uDE01"), "a surrogate pair is one character");
  }

  @Test
  void listsOnlyTheDirectoryFilesNotSubdirectoriesOrHiddenFiles() throws IOException {
    touch("00000000000000000000.json", ".00000000000000000000.json.crc", "_commits/00000000000000000001.uuid.json",
        "1_dir/x", "00000000000000000001.json");
    storage.putIfAbsent(dir, new byte[0]); // a directory marker, as some tools create
    storage.putIfAbsent(URI.create(dir + "../00000000000000000000.json"), new byte[1]); // the parent
    assertEquals(List.of("00000000000000000000.json", "00000000000000000001.json"),
        names(storage.listFrom(at("0"))));
    assertEquals(List.of("00000000000000000000.json", "00000000000000000001.json"), names(storage.listFrom(dir)));
  }

  /**
   * Pages of 7 keys (the option listPageSize) stand in for S3's pages of 1000: the same
   * continuation, without writing thousands of keys to the test server.
   */
  @Test
  void listingIsCompleteAcrossPagesAndStartsAtTheStart() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      expected.add(String.format("%020d.json", i));
    }
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled);
    for (String name : shuffled) {
      storage.create(at(name)).close(); // a plain PUT: s3proxy takes longer over a conditional one
    }
    RequestCounter counter = new RequestCounter();
    try (S3Storage counted = S3.storage(S3.options(), counter)) {
      assertEquals(expected, names(counted.listFrom(at(expected.get(0)))));
      assertEquals(1, counter.count("ListObjectsV2"));
      counter.reset();
      assertEquals(expected.subList(145, 150), names(counted.listFrom(at(expected.get(145)))));
      assertEquals(List.of("ListObjectsV2 t/_delta_log/ after t/_delta_log/00000000000000000145.jsom\uDBFF\uDFFF"),
          counter.calls());
      assertEquals(5, counter.listedKeys(), "keys before the start are never listed");
    }
    counter.reset();
    try (S3Storage small = S3.storage(S3.options(Map.of("listPageSize", "7")), counter)) {
      assertEquals(expected, names(small.listFrom(dir)));
      assertEquals(22, counter.count("ListObjectsV2"), "150 keys in pages of 7");
      counter.reset();
      assertEquals(expected.subList(40, 150), names(small.listFrom(at(expected.get(40)))));
      assertEquals(16, counter.count("ListObjectsV2"), "110 keys in pages of 7");
      assertEquals(110, counter.listedKeys());
      List<String> recursive = new ArrayList<>();
      small.listRecursively(URI.create(dir + "../")).forEachRemaining(e -> recursive.add(e.name()));
      assertEquals(expected, recursive);
    }
  }

  @Test
  void sortsInUtf8ByteOrder() throws IOException {
    String privateUse = "\uE000";
    String emoji = "😀";
    touch(emoji, "z", privateUse, "a");
    assertEquals(List.of("a", "z", privateUse, emoji), names(storage.listFrom(at("a"))));
    assertEquals(List.of(emoji), names(storage.listFrom(at("\uE001"))));
  }

  @Test
  void specialNamesRoundTripThroughListAndRead() throws IOException {
    List<String> specials = List.of(
        "with space.json", "100%.json", "p@#h", "a@b=c+d,e;f:g", "é.json", "日本.json", "😀.json", "%20.json");
    touch(specials.toArray(String[]::new));
    Iterator<FileEntry> it = storage.listFrom(dir);
    Set<String> seen = new HashSet<>();
    while (it.hasNext()) {
      FileEntry e = it.next();
      seen.add(e.name());
      assertEquals(e.location(), Locations.resolve(Locations.tableRoot(dir.toString()), Locations.encodePath(e.name())));
      assertArrayEquals(e.name().getBytes(StandardCharsets.UTF_8), storage.readAllBytes(e.location()));
    }
    assertEquals(Set.copyOf(specials), seen);
  }

  @Test
  void entriesCarrySizeAndModificationTime() throws IOException {
    long before = System.currentTimeMillis() - 2_000;
    storage.putIfAbsent(at("f"), new byte[1234]);
    FileEntry entry = storage.listFrom(at("f")).next();
    assertEquals(at("f"), entry.location());
    assertEquals(1234, entry.size());
    assertTrue(entry.modificationTime() >= before && entry.modificationTime() <= System.currentTimeMillis() + 2_000,
        "modification time " + entry.modificationTime());
  }

  @Test
  void s3aUrisAreS3AndKeepTheirScheme() throws IOException {
    touch("00000000000000000000.json");
    URI s3a = URI.create(dir.toString().replaceFirst("^s3:", "s3a:"));
    FileEntry entry = storage.listFrom(s3a).next();
    assertEquals(URI.create(s3a + "00000000000000000000.json"), entry.location());
    assertArrayEquals("00000000000000000000.json".getBytes(StandardCharsets.UTF_8),
        storage.readAllBytes(entry.location()));
  }

  @Test
  void missingDirectoryListsNothing() throws IOException {
    assertFalse(storage.listFrom(at("no/such/dir/0")).hasNext());
    assertFalse(storage.listFrom(URI.create(dir + "gone/")).hasNext());
    assertFalse(storage.listRecursively(URI.create(dir + "gone/")).hasNext());
  }

  @Test
  void listsRecursivelyWithoutHiddenFilesOrDirectories() throws IOException {
    URI root = URI.create(dir + "../");
    touch("00000000000000000000.json", ".00000000000000000000.json.crc", "_commits/a.json");
    for (String path : List.of("part-0.parquet", "date=2024-01-01/part-1.parquet", ".hidden/x.parquet",
        "date=2024-01-01/.part-1.parquet.crc", "a/b/c/deep.parquet", "_change_data/cdc.parquet")) {
      storage.putIfAbsent(URI.create(root + path), new byte[3]);
    }
    storage.putIfAbsent(URI.create(root + "empty/"), new byte[0]);
    List<String> listed = new ArrayList<>();
    storage.listRecursively(root).forEachRemaining(e -> listed.add(root.relativize(e.location()).toString()));
    Collections.sort(listed);
    assertEquals(List.of("_change_data/cdc.parquet", "_delta_log/00000000000000000000.json",
        "_delta_log/_commits/a.json", "a/b/c/deep.parquet", "date=2024-01-01/part-1.parquet", "part-0.parquet"),
        listed);
  }

  @Test
  void putIfAbsentRefusesAnExistingFile() throws IOException {
    storage.putIfAbsent(at("00000000000000000000.json"), "first".getBytes(StandardCharsets.UTF_8));
    FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
        () -> storage.putIfAbsent(at("00000000000000000000.json"), "second".getBytes(StandardCharsets.UTF_8)));
    assertEquals(at("00000000000000000000.json").toString(), e.getFile());
    assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), storage.readAllBytes(at("00000000000000000000.json")));
  }

  @Test
  void missingFilesAreNoSuchFile() throws IOException {
    assertThrows(NoSuchFileException.class, () -> storage.readAllBytes(at("nope")));
    assertThrows(NoSuchFileException.class, () -> storage.open(at("nope"), OptionalLong.empty()));
    try (SeekableInput in = storage.open(at("nope"), OptionalLong.of(10))) {
      assertThrows(NoSuchFileException.class, () -> in.read(new byte[4], 0, 4), "known length: found missing on read");
    }
  }

  @Test
  void rangedReadsAtAnyPosition() throws IOException {
    byte[] data = new byte[700_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + (i >> 8));
    }
    storage.putIfAbsent(at("data.parquet"), data);
    for (OptionalLong known : List.of(OptionalLong.empty(), OptionalLong.of(data.length))) {
      try (SeekableInput in = storage.open(at("data.parquet"), known)) {
        assertEquals(data.length, in.length());
        for (int[] range : new int[][] {{data.length - 8, 8}, {0, 4}, {123_456, 300_000}, {650_000, 50_000}, {5, 1}}) {
          byte[] got = new byte[range[1]];
          in.seek(range[0]);
          in.readFully(got, 0, got.length);
          assertArrayEquals(java.util.Arrays.copyOfRange(data, range[0], range[0] + range[1]), got);
          assertEquals(range[0] + range[1], in.position());
        }
        in.seek(data.length);
        assertEquals(-1, in.read(new byte[1], 0, 1));
        in.seek(data.length - 2);
        assertThrows(EOFException.class, () -> in.readFully(new byte[3], 0, 3));
      }
    }
  }

  @Test
  void emptyFilesOpenWithLengthZero() throws IOException {
    storage.putIfAbsent(at("empty"), new byte[0]);
    try (SeekableInput in = storage.open(at("empty"), OptionalLong.empty())) {
      assertEquals(0, in.length());
      assertEquals(-1, in.read(new byte[1], 0, 1));
    }
    assertArrayEquals(new byte[0], storage.readAllBytes(at("empty")));
  }

  @Test
  void createPublishesOnCloseAndReplaces() throws IOException {
    try (OutputStream out = storage.create(at("data/part-0.parquet"))) {
      out.write("old".getBytes(StandardCharsets.UTF_8));
    }
    OutputStream out = storage.create(at("data/part-0.parquet"));
    out.write("new contents".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), storage.readAllBytes(at("data/part-0.parquet")),
        "not visible before close");
    out.close();
    assertArrayEquals("new contents".getBytes(StandardCharsets.UTF_8), storage.readAllBytes(at("data/part-0.parquet")));
  }

  @Test
  void abortedSmallWritePublishesNothing() throws IOException {
    OutputStream out = storage.create(at("small"));
    out.write(new byte[100]);
    ((Abortable) out).abort();
    out.close();
    assertFalse(storage.exists(at("small")));
  }

  @Test
  void largeFilesGoUpInPartsAndAbortLeavesNothing() throws IOException {
    byte[] data = new byte[2 * S3OutputStream.PART_SIZE + 12_345];
    new java.util.Random(7).nextBytes(data);
    try (OutputStream out = storage.create(at("big.parquet"))) {
      for (int i = 0; i < data.length; i += 100_000) {
        out.write(data, i, Math.min(100_000, data.length - i));
      }
    }
    assertArrayEquals(data, storage.readAllBytes(at("big.parquet")));

    OutputStream aborted = storage.create(at("aborted.parquet"));
    aborted.write(data); // two parts sent, the rest buffered
    ((Abortable) aborted).abort();
    assertFalse(storage.exists(at("aborted.parquet")));
    assertEquals(List.of("big.parquet"), names(storage.listFrom(dir)));
    assertThrows(IOException.class, () -> aborted.write(1));
  }

  @Test
  void existsForFilesAndDirectories() throws IOException {
    touch("sub/file");
    assertTrue(storage.exists(at("sub/file")));
    assertTrue(storage.exists(at("sub")));
    assertTrue(storage.exists(at("sub/")));
    assertFalse(storage.exists(at("su")));
    assertFalse(storage.exists(at("sub/fil")));
  }

  @Test
  void deleteRemovesAndToleratesMissingFiles() throws IOException {
    touch("x");
    storage.delete(at("x"));
    assertFalse(storage.exists(at("x")));
    storage.delete(at("x"));
  }
}
