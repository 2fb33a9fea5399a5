package io.delta4j.conformance;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.Scan;
import io.delta4j.Snapshot;
import io.delta4j.TableChanges;
import io.delta4j.conformance.RowExpectation.ArrowTextRows;
import io.delta4j.conformance.RowExpectation.Filtered;
import io.delta4j.conformance.RowExpectation.InlineRows;
import io.delta4j.conformance.RowExpectation.ParquetRows;
import io.delta4j.conformance.RowExpectation.Rows;
import io.delta4j.data.ParquetRowReader;
import io.delta4j.data.RowBatch;
import io.delta4j.data.StorageInputFile;
import io.delta4j.storage.LocalStorage;
import io.delta4j.types.ArrayType;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;

/**
 * The {@code rows} and {@code rowCount} checks: a scan of the case's snapshot ({@code
 * snapshot.scan()}, filtered by the case's {@code where}, restricted to the stated columns for
 * inline expectations) against the expected rows, compared as multisets of {@link RowCanon} texts.
 */
final class RowCheck {
  /** How many differing rows a failure message shows, each way. */
  private static final int SHOWN = 8;

  private RowCheck() {}

  /**
   * What rows are read from: a snapshot's {@link Scan} or a range's {@link TableChanges}, both
   * filtered by the case's {@code where}; restricted to columns as the expectation needs.
   */
  interface Source {
    StructType schema();

    Source select(String... columns);

    CloseableIterator<Row> rows();

    static Source of(Scan scan) {
      return new Source() {
        @Override
        public StructType schema() {
          return scan.schema();
        }

        @Override
        public Source select(String... columns) {
          return of(scan.select(columns));
        }

        @Override
        public CloseableIterator<Row> rows() {
          return scan.rows();
        }
      };
    }

    static Source of(TableChanges changes) {
      return new Source() {
        @Override
        public StructType schema() {
          return changes.schema();
        }

        @Override
        public Source select(String... columns) {
          return of(changes.select(columns));
        }

        @Override
        public CloseableIterator<Row> rows() {
          return changes.rows();
        }
      };
    }
  }

  /** Null when the rows match; otherwise what differs. */
  static String rows(Snapshot snapshot, Filtered<Rows> expected, Path corpusRoot) {
    Scan scan = snapshot.scan();
    if (expected.predicate().isPresent()) {
      scan = scan.filter(expected.predicate().get());
    }
    return rows(Source.of(scan), expected, corpusRoot);
  }

  /** The change data feed's rows ({@code TableChanges}, filtered by the case's where) against the expected. */
  static String changes(TableChanges changes, Filtered<Rows> expected, Path corpusRoot) {
    if (expected.predicate().isPresent()) {
      changes = changes.filter(expected.predicate().get());
    }
    return rows(Source.of(changes), expected, corpusRoot);
  }

  private static String rows(Source scan, Filtered<Rows> expected, Path corpusRoot) {
    RowCanon canon;
    Side expectedSide;
    if (expected.body() instanceof InlineRows inline) {
      scan = scan.select(inline.names().stream().map(RowCheck::quoted).toArray(String[]::new));
      String typeProblem = typeProblem(inline.columns(), scan.schema());
      if (typeProblem != null) {
        return typeProblem;
      }
      canon = RowCanon.exact();
      expectedSide = values(inline.columns(), inline.rows(), canon);
    } else if (expected.body() instanceof ArrowTextRows text) {
      ArrowText.Table table = ArrowText.read(corpusRoot.resolve(text.file()), scan.schema());
      scan = scan.select(table.columns().fieldNames().stream().map(RowCheck::quoted).toArray(String[]::new));
      canon = RowCanon.exact();
      expectedSide = values(table.columns(), table.rows(), canon);
    } else {
      ParquetRows parquet = (ParquetRows) expected.body();
      Path dir = corpusRoot.resolve(parquet.dir());
      List<Path> files = parquetFiles(dir);
      if (files.isEmpty()) {
        throw new IllegalStateException("no expected Parquet files under " + dir);
      }
      if (!parquet.excluded().isEmpty()) {
        List<String> kept = new ArrayList<>();
        for (StructField f : scan.schema().fields()) {
          if (!parquet.excluded().contains(f.name())) {
            kept.add(quoted(f.name()));
          }
        }
        if (kept.size() + parquet.excluded().size() != scan.schema().length()) {
          return "cannot leave out " + parquet.excluded() + ": the table has " + scan.schema().fieldNames();
        }
        scan = scan.select(kept.toArray(String[]::new));
      }
      StructType actualSchema = scan.schema();
      List<StructType> schemas = new ArrayList<>();
      Set<String> loose = new TreeSet<>();
      for (Path f : files) {
        StructType s = without(ParquetSchemas.toStruct(footerSchema(f)), parquet.excluded());
        schemas.add(s);
        loose.addAll(looseDecimalColumns(s, actualSchema));
      }
      RowCanon fileCanon = RowCanon.looseDecimals(loose);
      canon = fileCanon;
      expectedSide = sink -> {
        for (int i = 0; i < files.size(); i++) {
          readExpected(files.get(i), schemas.get(i), fileCanon, sink);
        }
      };
    }
    Source finalScan = scan;
    RowCanon finalCanon = canon;
    Side actualSide = sink -> {
      try (CloseableIterator<Row> rows = finalScan.rows()) {
        while (rows.hasNext()) {
          sink.accept(finalCanon.row(rows.next()));
        }
      }
    };
    String difference = compare(expectedSide, actualSide);
    return difference == null ? null : difference.replaceFirst(";", expected.describe() + ";");
  }

  /** One side of a comparison: produces its rows' canonical texts, as often as asked. */
  @FunctionalInterface
  interface Side {
    void forEach(Consumer<String> sink);
  }

  private static Side values(StructType columns, List<List<Object>> rows, RowCanon canon) {
    return sink -> rows.forEach(row -> sink.accept(canon.fields(columns, row::get)));
  }

  /**
   * Compares two multisets of row texts; null when equal. The texts are first compared by a 64-bit
   * hash each (sorted arrays), which keeps a million-row table cheap; only when they differ are
   * both sides produced again to show the differing rows. Two different rows would have to collide
   * on all 64 bits, in pairs, to hide a difference.
   */
  static String compare(Side expected, Side actual) {
    long[] e = hashes(expected);
    long[] a = hashes(actual);
    if (Arrays.equals(e, a)) {
      return null;
    }
    Map<Long, Integer> surplus = new HashMap<>(); // > 0: missing from actual, < 0: unexpected
    int i = 0;
    int j = 0;
    while (i < e.length || j < a.length) {
      if (j == a.length || (i < e.length && e[i] < a[j])) {
        surplus.merge(e[i++], 1, Integer::sum);
      } else if (i == e.length || a[j] < e[i]) {
        surplus.merge(a[j++], -1, Integer::sum);
      } else {
        i++;
        j++;
      }
    }
    TreeMap<String, Integer> missing = texts(expected, surplus, +1);
    TreeMap<String, Integer> unexpected = texts(actual, surplus, -1);
    return "expected " + e.length + " rows, actual " + a.length + "; " + describe(missing, "missing") + "; "
        + describe(unexpected, "unexpected");
  }

  private static long[] hashes(Side side) {
    long[][] out = {new long[1024]};
    int[] n = {0};
    side.forEach(text -> {
      if (n[0] == out[0].length) {
        out[0] = Arrays.copyOf(out[0], out[0].length * 2);
      }
      out[0][n[0]++] = hash(text);
    });
    long[] hashes = Arrays.copyOf(out[0], n[0]);
    Arrays.sort(hashes);
    return hashes;
  }

  /** A 64-bit hash of the text: a polynomial over its chars, then MurmurHash3's finalizer. */
  static long hash(String text) {
    long h = 1125899906842597L;
    for (int k = 0; k < text.length(); k++) {
      h = 31 * h + text.charAt(k);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** The side's texts whose hash is in surplus with that sign, with their surplus counts. */
  private static TreeMap<String, Integer> texts(Side side, Map<Long, Integer> surplus, int sign) {
    TreeMap<String, Integer> out = new TreeMap<>();
    side.forEach(text -> {
      Integer n = surplus.get(hash(text));
      if (n != null && Integer.signum(n) == sign) {
        out.put(text, Math.abs(n));
      }
    });
    return out;
  }

  /** A top-level column name as {@link Scan#select} reads it, whatever characters it holds. */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static StructType without(StructType schema, List<String> excluded) {
    return excluded.isEmpty()
        ? schema
        : new StructType(schema.fields().stream().filter(f -> !excluded.contains(f.name())).toList());
  }

  /** The number of change rows of the (filtered) range, by {@code rows()}; fails when {@code count()} disagrees. */
  static long count(TableChanges changes, Filtered<Long> expected) {
    if (expected.predicate().isPresent()) {
      changes = changes.filter(expected.predicate().get());
    }
    long n = 0;
    try (CloseableIterator<Row> rows = changes.rows()) {
      while (rows.hasNext()) {
        rows.next();
        n++;
      }
    }
    long counted = changes.count();
    if (counted != n) {
      throw new IllegalStateException("rows() gave " + n + " change rows, count() " + counted);
    }
    return n;
  }

  /** The number of rows of the (filtered) scan. */
  static long count(Snapshot snapshot, Filtered<Long> expected) {
    Scan scan = snapshot.scan();
    if (expected.predicate().isPresent()) {
      scan = scan.filter(expected.predicate().get());
    }
    return scan.count();
  }

  /** The stated columns against the scan's: names must be there, types equal (nullability aside). */
  private static String typeProblem(StructType stated, StructType actual) {
    List<String> problems = new ArrayList<>();
    for (StructField f : stated.fields()) {
      Optional<StructField> a = actual.field(f.name());
      if (a.isEmpty()) {
        problems.add("no column " + f.name() + " (the scan has " + actual.fieldNames() + ")");
      } else if (!shape(a.get().type(), false).equals(shape(f.type(), false))) {
        problems.add("column " + f.name() + " is " + a.get().type().simpleString() + ", the case states "
            + f.type().simpleString());
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /**
   * The top-level columns whose expected type differs from the table's only in decimal precision
   * and scale: compared by decimal value (see {@link RowCanon}).
   */
  static Set<String> looseDecimalColumns(StructType expected, StructType actual) {
    Set<String> out = new TreeSet<>();
    for (StructField f : expected.fields()) {
      Optional<StructField> a = actual.field(f.name());
      if (a.isPresent() && !shape(f.type(), false).equals(shape(a.get().type(), false))
          && shape(f.type(), true).equals(shape(a.get().type(), true))) {
        out.add(f.name());
      }
    }
    return out;
  }

  /** A type's text without nullability, and optionally without decimal parameters. */
  private static String shape(DataType type, boolean ignoreDecimalParameters) {
    if (type instanceof DecimalType d) {
      return ignoreDecimalParameters ? "decimal" : d.simpleString();
    }
    if (type instanceof ArrayType a) {
      return "array<" + shape(a.elementType(), ignoreDecimalParameters) + ">";
    }
    if (type instanceof MapType m) {
      return "map<" + shape(m.keyType(), ignoreDecimalParameters) + "," + shape(m.valueType(), ignoreDecimalParameters)
          + ">";
    }
    if (type instanceof StructType s) {
      List<String> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        fields.add(f.name() + ":" + shape(f.type(), ignoreDecimalParameters));
      }
      return "struct<" + String.join(",", fields) + ">";
    }
    return type.simpleString();
  }

  private static void readExpected(Path file, StructType schema, RowCanon canon, Consumer<String> sink) {
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.toUri(), OptionalLong.empty(),
        schema, ColumnMappingMode.NONE, "expected rows", file.toString())) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        for (int i = 0; i < batch.size(); i++) {
          sink.accept(canon.row(batch.row(i)));
        }
      }
    }
  }

  private static MessageType footerSchema(Path file) {
    try (ParquetFileReader reader = ParquetFileReader.open(
        new StorageInputFile(new LocalStorage(), file.toUri(), OptionalLong.empty()))) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the footer of " + file, e);
    }
  }

  /** Every {@code *.parquet} under {@code dir}, skipping hidden and {@code _}-prefixed names, sorted. */
  static List<Path> parquetFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no expected rows directory " + dir);
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> {
            for (Path part : dir.relativize(p)) {
              if (part.toString().startsWith(".") || part.toString().startsWith("_")) {
                return false;
              }
            }
            return true;
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Up to {@link #SHOWN} rows on one side of the difference, with multiplicities. */
  private static String describe(TreeMap<String, Integer> side, String label) {
    if (side.isEmpty()) {
      return label + " none";
    }
    long total = side.values().stream().mapToLong(Integer::longValue).sum();
    List<String> shown = new ArrayList<>();
    for (Map.Entry<String, Integer> e : side.entrySet()) {
      if (shown.size() == SHOWN) {
        shown.add("...");
        break;
      }
      shown.add(e.getValue() == 1 ? e.getKey() : e.getValue() + "x " + e.getKey());
    }
    return label + " " + total + ": " + String.join(" ", shown);
  }
}
