package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.DeltaException;
import io.delta4j.StorageOptions;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageBackendsTest {
  @Test
  void fileUrisGetLocalStorage() {
    assertInstanceOf(LocalStorage.class, StorageBackends.forUri(URI.create("file:///data/t/")));
    assertInstanceOf(LocalStorage.class, StorageBackends.forUri(URI.create("FILE:/data/t/")));
  }

  @Test
  void s3AndS3aUrisGetS3Storage() throws IOException {
    for (String root : List.of("s3://bucket/t/", "S3A://bucket/t/")) {
      try (StorageBackend storage = StorageBackends.forUri(URI.create(root),
          StorageOptions.of(Map.of("region", "eu-west-1", "accessKeyId", "a", "secretAccessKey", "s")))) {
        assertInstanceOf(S3Storage.class, storage);
      }
    }
  }

  @Test
  void s3nIsNotS3() {
    UnsupportedStorageSchemeException e = assertThrows(
        UnsupportedStorageSchemeException.class, () -> StorageBackends.forUri(URI.create("s3n://bucket/t/")));
    assertEquals("s3n://bucket/t/: Unsupported storage scheme 's3n'; supported: [file, s3, s3a]. Write s3:// instead:"
        + " s3n is Hadoop's retired S3 connector.", e.getMessage());
    assertEquals("s3n", e.scheme());
    assertEquals("s3n://bucket/t/", e.table());
    assertInstanceOf(DeltaException.class, e);
  }

  /**
   * The AWS SDK is an optional dependency: without it, local tables work, and an S3 table names
   * the artifact to add. A class loader that hides the SDK stands in for such a classpath.
   */
  @Test
  void withoutTheSdkS3NamesTheMissingArtifact() throws Exception {
    URL classes = StorageBackends.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader withoutSdk = new WithoutSdk(classes, getClass().getClassLoader())) {
      Class<?> optionsClass = withoutSdk.loadClass(StorageOptions.class.getName());
      Object none = optionsClass.getMethod("none").invoke(null);
      Method forUri = withoutSdk.loadClass(StorageBackends.class.getName()).getMethod("forUri", URI.class, optionsClass);
      assertEquals(LocalStorage.class.getName(),
          forUri.invoke(null, URI.create("file:///data/t/"), none).getClass().getName());
      Throwable e = assertThrows(InvocationTargetException.class,
          () -> forUri.invoke(null, URI.create("s3://bucket/t/"), none)).getCause();
      assertEquals(UnsupportedStorageSchemeException.class.getName(), e.getClass().getName());
      assertTrue(e.getMessage().startsWith("s3://bucket/t/: S3 tables need the AWS SDK for Java 2, which is not on the"
          + " classpath (missing class software.amazon.awssdk."), e.getMessage());
      assertTrue(e.getMessage().endsWith(
          "). Add the dependency software.amazon.awssdk:s3 (version 2.56.0 or later)."), e.getMessage());
    }
  }

  /** Loads delta4j's own classes afresh and refuses every class of the AWS SDK. */
  private static final class WithoutSdk extends URLClassLoader {
    WithoutSdk(URL classes, ClassLoader parent) {
      super(new URL[] {classes}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("software.amazon.awssdk.")) {
          throw new ClassNotFoundException(name);
        }
        if (!name.startsWith("io.delta4j.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }

  @Test
  void otherSchemesAreNamed() {
    assertEquals(
        "gs://bucket/t/: Unsupported storage scheme 'gs'; supported: [file, s3, s3a].",
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
