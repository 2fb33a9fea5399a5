package io.delta4j;

import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.storage.Locations;
import java.io.Serializable;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A data file a scan will read, after partition pruning and statistics skipping: what an engine
 * that reads Parquet itself needs (location, partition values, deletion vector, size).
 * Serializable, so that distributed engines (Spark, Flink) can ship it to their tasks.
 */
public final class ScanFile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String location;
  private final LinkedHashMap<String, String> partitionValues;
  private final long size;
  private final long modificationTime;
  private final String stats;
  private final String dvStorageType;
  private final String dvPathOrInlineDv;
  private final Integer dvOffset;
  private final int dvSizeInBytes;
  private final long dvCardinality;

  ScanFile(URI root, AddFile add) {
    this.path = add.path();
    this.location = Locations.resolve(root, add.path()).toString();
    this.partitionValues = new LinkedHashMap<>(add.partitionValues());
    this.size = add.size();
    this.modificationTime = add.modificationTime();
    this.stats = add.stats().orElse(null);
    DeletionVectorDescriptor dv = add.deletionVector().orElse(null);
    this.dvStorageType = dv == null ? null : dv.storageType();
    this.dvPathOrInlineDv = dv == null ? null : dv.pathOrInlineDv();
    this.dvOffset = dv == null || dv.offset().isEmpty() ? null : dv.offset().getAsInt();
    this.dvSizeInBytes = dv == null ? 0 : dv.sizeInBytes();
    this.dvCardinality = dv == null ? 0 : dv.cardinality();
  }

  /** The path exactly as the log holds it. */
  public String path() {
    return path;
  }

  /** The absolute location of the file. */
  public URI location() {
    return URI.create(location);
  }

  /** Partition column (physical name) to serialized value; a null value is a null partition. */
  public Map<String, String> partitionValues() {
    return Collections.unmodifiableMap(partitionValues);
  }

  public long size() {
    return size;
  }

  public long modificationTime() {
    return modificationTime;
  }

  /** The file's statistics JSON, when the writer recorded them. */
  public Optional<String> stats() {
    return Optional.ofNullable(stats);
  }

  /** The deletion vector whose rows readers must drop, if any. */
  public Optional<DeletionVectorDescriptor> deletionVector() {
    if (dvStorageType == null) {
      return Optional.empty();
    }
    OptionalInt offset = dvOffset == null ? OptionalInt.empty() : OptionalInt.of(dvOffset);
    return Optional.of(new DeletionVectorDescriptor(dvStorageType, dvPathOrInlineDv, offset, dvSizeInBytes, dvCardinality));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScanFile f && path.equals(f.path) && location.equals(f.location)
        && Objects.equals(dvPathOrInlineDv, f.dvPathOrInlineDv) && Objects.equals(dvOffset, f.dvOffset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, dvPathOrInlineDv, dvOffset);
  }

  @Override
  public String toString() {
    return "ScanFile[" + path + (dvStorageType == null ? "" : ", dv " + dvCardinality + " rows") + "]";
  }
}
