/**
 * Public: the storage SPI ({@link io.delta4j.storage.StorageBackend},
 * {@link io.delta4j.storage.SeekableInput}, {@link io.delta4j.storage.FileEntry}), the local backend
 * ({@link io.delta4j.storage.LocalStorage}), the S3 backend ({@link io.delta4j.storage.S3Storage},
 * which needs the optional dependency {@code software.amazon.awssdk:s3}), backend selection by
 * scheme ({@link io.delta4j.storage.StorageBackends}) and URI handling
 * ({@link io.delta4j.storage.Locations}). The other classes are package-private helpers.
 */
package io.delta4j.storage;
