package io.delta4j.data;

import io.delta4j.storage.Abortable;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over our storage SPI: the file is written through
 * {@link StorageBackend#create}, and becomes visible whole when the writer
 * {@linkplain Stream#publish() publishes} it, or not at all when it {@linkplain Stream#abort()
 * aborts}.
 */
final class StorageOutputFile implements OutputFile {
  private final StorageBackend storage;
  private final URI location;
  private Stream stream;

  StorageOutputFile(StorageBackend storage, URI location) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.location = Objects.requireNonNull(location, "location");
  }

  /**
   * {@inheritDoc} The storage SPI has no exclusive create for streamed files, so this replaces
   * an existing file like {@link #createOrOverwrite}; callers name new files uniquely.
   */
  @Override
  public Stream create(long blockSizeHint) throws IOException {
    return createOrOverwrite(blockSizeHint);
  }

  @Override
  public Stream createOrOverwrite(long blockSizeHint) throws IOException {
    stream = new Stream(storage.create(location));
    return stream;
  }

  /** The stream last opened, or null before Parquet opened one. */
  Stream stream() {
    return stream;
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return location.toString();
  }

  @Override
  public String toString() {
    return location.toString();
  }

  /**
   * Counts its position (Parquet records offsets from it) and turns storage failures into
   * {@link StorageWriteException}, so they can be told from failures of the writer itself.
   */
  final class Stream extends PositionOutputStream {
    private final OutputStream out;
    private long position;
    private boolean aborted;

    Stream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      checkNotAborted();
      try {
        out.write(b);
      } catch (IOException e) {
        throw new StorageWriteException(e);
      }
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      checkNotAborted();
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw new StorageWriteException(e);
      }
      position += length;
    }

    @Override
    public void flush() throws IOException {
      checkNotAborted();
      try {
        out.flush();
      } catch (IOException e) {
        throw new StorageWriteException(e);
      }
    }

    /**
     * Does not publish: Parquet closes its stream even when writing the footer failed, so the
     * writer {@linkplain #publish() publishes} only after the whole file was written.
     */
    @Override
    public void close() {}

    /** Makes the file visible. */
    void publish() throws IOException {
      checkNotAborted();
      try {
        out.close();
      } catch (IOException e) {
        throw new StorageWriteException(e);
      }
    }

    /**
     * Publishes nothing. With a storage stream that cannot abort, the stream is closed (what was
     * written so far, which has no Parquet footer, becomes visible for a moment) and the file is
     * deleted.
     */
    void abort() throws IOException {
      if (aborted) {
        return;
      }
      aborted = true;
      try {
        if (out instanceof Abortable abortable) {
          abortable.abort();
        } else {
          out.close();
          storage.delete(location);
        }
      } catch (IOException e) {
        throw new StorageWriteException(e);
      }
    }

    private void checkNotAborted() throws IOException {
      if (aborted) {
        throw new IOException("The write of " + location + " was aborted");
      }
    }
  }
}
