package io.delta4j.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;

/**
 * The Hadoop configuration and read options every Parquet read shares.
 *
 * <p>Parquet's codecs still take a Hadoop {@link Configuration}. A default one parses Hadoop's
 * bundled XML resources on first use, and {@code ParquetReadOptions.builder()} would make a new
 * one per file; an empty configuration, created once, gives the codecs their defaults for free.
 * It is only ever read, which is safe across threads once created.
 */
final class ParquetDefaults {
  private static final ParquetConfiguration CONF =
      new HadoopParquetConfiguration(new Configuration(false));

  private ParquetDefaults() {}

  /**
   * Fresh options for one file. Fresh because they carry a codec factory, which caches
   * decompressors without synchronisation and which {@code ParquetFileReader.close()} releases.
   * Record-level filtering is off: we decode every row of the row groups we read ourselves.
   */
  static ParquetReadOptions readOptions() {
    return ParquetReadOptions.builder(CONF)
        .useRecordFilter(false)
        .useColumnIndexFilter(false)
        .useBloomFilter(false)
        .useDictionaryFilter(false)
        .build();
  }
}
