package io.delta4j.log.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.log.action.Sidecar;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure logic of {@link CheckpointReader}, no I/O. */
class CheckpointReaderTest {
  private static Sidecar sidecar(String path) {
    return new Sidecar(path, 1 /* sizeInBytes */, 2 /* modificationTime */, Map.of());
  }

  @Test
  void sidecarFileNameResolvesUnderSidecarsDirectory() {
    URI log = URI.create("s3://bucket/table/_delta_log");
    assertEquals(URI.create("s3://bucket/table/_delta_log/_sidecars/abc.parquet"),
        CheckpointReader.sidecarLocation(log, sidecar("abc.parquet")));
    assertEquals(URI.create("s3://bucket/table/_delta_log/_sidecars/abc.parquet"),
        CheckpointReader.sidecarLocation(URI.create("s3://bucket/table/_delta_log/"), sidecar("abc.parquet")));
  }

  @Test
  void sidecarPathIsUriEncoded() {
    assertEquals(URI.create("file:/t/_delta_log/_sidecars/a%20b.parquet"),
        CheckpointReader.sidecarLocation(URI.create("file:/t/_delta_log/"), sidecar("a%20b.parquet")));
  }

  @Test
  void absoluteSidecarPathIsKept() {
    assertEquals(URI.create("s3://other/x/_delta_log/_sidecars/abc.parquet"),
        CheckpointReader.sidecarLocation(URI.create("s3://bucket/t/_delta_log"),
            sidecar("s3://other/x/_delta_log/_sidecars/abc.parquet")));
  }
}
