package io.delta4j.write;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.data.dv.DeletedRows;
import io.delta4j.data.dv.DeletionVectorFile;
import io.delta4j.data.dv.DeletionVectorWriter;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.scan.FileRowMatcher;
import io.delta4j.scan.RowMatches;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes the matching rows of files where only some rows match (PROTOCOL.md, "Deletion
 * Vectors"): with deletion vectors, the file stays and a new vector (the old one's rows plus the
 * matches) replaces its old one, all vectors of the delete in one new DV file; without them, the
 * file is rewritten without the matching rows (copy-on-write). A file whose live rows all match is
 * removed whole, one where none does is left alone.
 */
final class RowDeletes {
  private final FileRowMatcher matcher;
  private final StorageBackend storage;
  private final URI root;
  private final String table;
  private final long now;
  private final Optional<ChangeDataWriter> changes;
  final List<RemoveFile> removes = new ArrayList<>();
  final List<AddFile> adds = new ArrayList<>();
  long deletedRows;
  long copiedRows;
  int vectorsWritten;

  /** @param changes where deleted rows are recorded when the table has the change data feed on */
  RowDeletes(FileRowMatcher matcher, StorageBackend storage, URI root, String table, long now,
      Optional<ChangeDataWriter> changes) {
    this.changes = changes;
    this.matcher = matcher;
    this.storage = storage;
    this.root = root;
    this.table = table;
    this.now = now;
  }

  /** Marks the matches of {@code files} in deletion vectors written to one new DV file. */
  void withDeletionVectors(List<AddFile> files) throws IOException {
    List<AddFile> changed = new ArrayList<>();
    List<DeletedRows> vectors = new ArrayList<>();
    for (AddFile file : files) {
      RowMatches matches = matcher.match(file);
      if (matches.allMatch()) {
        removeWhole(file, matches);
      } else if (!matches.noneMatch()) {
        changed.add(file);
        vectors.add(matches.deletedAfter());
        recordDeleted(file, matches);
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    DeletionVectorFile written = DeletionVectorWriter.write(storage, root, table, vectors);
    vectorsWritten += vectors.size();
    for (int i = 0; i < changed.size(); i++) {
      AddFile old = changed.get(i);
      DeletionVectorDescriptor dv = written.vectors().get(i);
      removes.add(RemoveActions.of(old, now));
      // Same file, new vector; the statistics stay, now only bounds of the remaining rows.
      adds.add(new AddFile(old.path(), old.partitionValues(), old.size(), old.modificationTime(), true,
          old.stats().map(RowDeletes::looseBounds), old.tags(), Optional.of(dv), old.baseRowId(),
          old.defaultRowCommitVersion(), old.clusteringProvider()));
    }
  }

  /** Rewrites {@code files} without their matches, through {@code rewriter}. */
  void byRewriting(List<AddFile> files, DataFileWriter rewriter) throws IOException {
    for (AddFile file : files) {
      RowMatches matches = matcher.match(file);
      if (matches.allMatch()) {
        removeWhole(file, matches);
      } else if (!matches.noneMatch()) {
        removes.add(RemoveActions.of(file, now));
        recordDeleted(file, matches);
        try (CloseableIterator<Row> rest = matcher.remainingRows(file, matches)) {
          while (rest.hasNext()) {
            rewriter.write(rest.next());
            copiedRows++;
          }
        }
      }
    }
  }

  private void removeWhole(AddFile file, RowMatches matches) throws IOException {
    removes.add(RemoveActions.of(file, now));
    recordDeleted(file, matches);
  }

  private void recordDeleted(AddFile file, RowMatches matches) throws IOException {
    deletedRows += matches.matched().cardinality();
    if (changes.isPresent()) {
      changes.get().writeAll(matcher.matchedRows(file, matches), "delete");
    }
  }

  // "tightBounds" (PROTOCOL.md, "Per-file Statistics"): after a DV the bounds may be wider than the live rows'.
  private static String looseBounds(String stats) {
    return stats.replace("\"tightBounds\":true", "\"tightBounds\":false");
  }
}
