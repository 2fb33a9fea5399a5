package io.delta4j.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;

/**
 * A Parquet writer builder for one of our write supports, writing through the storage SPI. Both
 * the checkpoint writer and the data-file writer use it.
 */
final class SupportWriterBuilder<T> extends ParquetWriter.Builder<T, SupportWriterBuilder<T>> {
  private final WriteSupport<T> support;

  SupportWriterBuilder(StorageOutputFile file, WriteSupport<T> support) {
    super(file);
    this.support = support;
    // A fresh configuration per file, without Hadoop's XML resources (which a default
    // Configuration parses on first use). Parquet only reads it.
    withConf(configuration());
  }

  static ParquetConfiguration configuration() {
    return new HadoopParquetConfiguration(new Configuration(false));
  }

  @Override
  protected SupportWriterBuilder<T> self() {
    return this;
  }

  /** Abstract in Parquet, so it must exist; with a ParquetConfiguration the other one is called. */
  @Deprecated
  @Override
  protected WriteSupport<T> getWriteSupport(Configuration conf) {
    return support;
  }

  @Override
  protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
    return support;
  }
}
