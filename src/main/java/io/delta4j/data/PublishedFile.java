package io.delta4j.data;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The life of one Parquet file written through the storage SPI: it is published whole by
 * {@link #finish()} or not at all, since {@link #close()} before that, or any failure, aborts the
 * stream. Shared by the checkpoint writer and the data-file writer. Not thread-safe.
 *
 * @param <T> what one row of the file is written from
 */
final class PublishedFile<T> implements Closeable {
  /** Builds the Parquet writer over a file's stream (see {@link SupportWriterBuilder}). */
  interface WriterFactory<T> {
    ParquetWriter<T> build(StorageOutputFile file) throws IOException;
  }

  private final URI location;
  private final ParquetWriter<T> writer;
  private final StorageOutputFile.Stream stream;
  private boolean done;

  private PublishedFile(URI location, ParquetWriter<T> writer, StorageOutputFile.Stream stream) {
    this.location = location;
    this.writer = writer;
    this.stream = stream;
  }

  /** Starts the file; if building the writer fails, whatever stream it opened is aborted. */
  static <T> PublishedFile<T> start(StorageOutputFile file, URI location, WriterFactory<T> factory) throws IOException {
    try {
      return new PublishedFile<>(location, factory.build(file), file.stream());
    } catch (IOException | RuntimeException e) {
      if (file.stream() != null) {
        try {
          file.stream().abort();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Writes one row. A failure leaves the file unusable: close it, which aborts it. */
  void write(T row) throws IOException {
    checkOpen();
    writer.write(row);
  }

  /** The bytes written so far plus those buffered for the current row group. */
  long dataSize() {
    return writer.getDataSize();
  }

  /** Writes the footer and publishes the file; returns its size in bytes. */
  long finish() throws IOException {
    checkOpen();
    done = true;
    try {
      writer.close();
      stream.publish();
    } catch (IOException | RuntimeException e) {
      try {
        stream.abort();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return stream.getPos();
  }

  /** Aborts unless finished: nothing is published. */
  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      stream.abort();
      try {
        writer.close(); // frees buffers and codecs; its writes to the aborted stream fail, as intended
      } catch (IOException | RuntimeException expected) {
        // The stream is aborted; the only purpose here is to release the compressors.
      }
    }
  }

  private void checkOpen() {
    if (done) {
      throw new IllegalStateException("Already finished or aborted: " + location);
    }
  }
}
