package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.DeltaException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StorageBackendsTest {
  @Test
  void fileUrisGetLocalStorage() {
    assertInstanceOf(LocalStorage.class, StorageBackends.forUri(URI.create("file:///data/t/")));
    assertInstanceOf(LocalStorage.class, StorageBackends.forUri(URI.create("FILE:/data/t/")));
  }

  @Test
  void s3IsNotSupportedYet() {
    UnsupportedStorageSchemeException e = assertThrows(
        UnsupportedStorageSchemeException.class, () -> StorageBackends.forUri(URI.create("s3://bucket/t/")));
    assertEquals(
        "s3://bucket/t/: Unsupported storage scheme 's3'; supported: [file]. S3 support arrives with the S3 backend.",
        e.getMessage());
    assertEquals("s3", e.scheme());
    assertEquals("s3://bucket/t/", e.table());
    assertInstanceOf(DeltaException.class, e);
    assertEquals(
        "s3a://bucket/t/: Unsupported storage scheme 's3a'; supported: [file]. S3 support arrives with the S3 backend.",
        assertThrows(DeltaException.class, () -> StorageBackends.forUri(URI.create("s3a://bucket/t/")))
            .getMessage());
  }

  @Test
  void otherSchemesAreNamed() {
    assertEquals(
        "gs://bucket/t/: Unsupported storage scheme 'gs'; supported: [file].",
        assertThrows(DeltaException.class, () -> StorageBackends.forUri(URI.create("gs://bucket/t/"))).getMessage());
  }

  @Test
  void relativeUrisAreRefused() {
    assertEquals(
        "'data/t/' is not an absolute URI; build table roots with Locations.tableRoot.",
        assertThrows(IllegalArgumentException.class, () -> StorageBackends.forUri(URI.create("data/t/")))
            .getMessage());
  }
}
