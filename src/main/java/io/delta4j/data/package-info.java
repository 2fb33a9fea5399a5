/**
 * Internal: Parquet reading and writing for delta4j. This is the only package that imports
 * Parquet or Hadoop classes, so that the rest of the library (and one day the choice of Parquet
 * library) stays independent of them. Files are read and written through
 * {@link io.delta4j.storage.StorageBackend}, never through Hadoop's {@code FileSystem}. Not a
 * public API: its classes are public only so that {@code io.delta4j.log} (checkpoints, through
 * {@link io.delta4j.data.ParquetActionReader}) and the scan layer (data files, through
 * {@link io.delta4j.data.ParquetRowReader}) can use them.
 */
package io.delta4j.data;
