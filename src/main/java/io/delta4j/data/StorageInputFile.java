package io.delta4j.data;

import io.delta4j.storage.SeekableInput;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over our storage SPI, so that Parquet reads local files, S3 objects
 * and test fakes alike, with no Hadoop {@code FileSystem} involved.
 *
 * <p>Parquet opens the stream first and asks for the length afterwards (to find the footer); when
 * the caller did not know the length, it is taken from the open stream, so a read costs one open.
 */
public final class StorageInputFile implements InputFile {
  private final StorageBackend storage;
  private final URI location;
  private final OptionalLong knownLength;
  private final AtomicLong bytesRead = new AtomicLong();
  private long length = -1;
  private StorageInputStream lastStream;

  public StorageInputFile(StorageBackend storage, URI location, OptionalLong knownLength) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.location = Objects.requireNonNull(location, "location");
    this.knownLength = Objects.requireNonNull(knownLength, "knownLength");
    knownLength.ifPresent(n -> length = n);
  }

  @Override
  public long getLength() throws IOException {
    if (length < 0) {
      if (lastStream != null) {
        length = lengthOf(lastStream.input());
      } else {
        try (SeekableInput in = openInput()) {
          length = lengthOf(in);
        }
      }
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    lastStream = new StorageInputStream(openInput(), bytesRead);
    return lastStream;
  }

  /** Bytes handed to Parquet so far, over all streams of this file (footer included). */
  public long bytesRead() {
    return bytesRead.get();
  }

  public URI location() {
    return location;
  }

  /** Parquet puts this in its error messages. */
  @Override
  public String toString() {
    return location.toString();
  }

  private SeekableInput openInput() throws IOException {
    try {
      return storage.open(location, knownLength);
    } catch (IOException e) {
      throw new StorageReadException(e);
    }
  }

  private static long lengthOf(SeekableInput in) throws IOException {
    try {
      return in.length();
    } catch (IOException e) {
      throw new StorageReadException(e);
    }
  }
}
