/**
 * Public: the storage SPI ({@link io.delta4j.storage.StorageBackend},
 * {@link io.delta4j.storage.SeekableInput}, {@link io.delta4j.storage.FileEntry}), the local backend
 * ({@link io.delta4j.storage.LocalStorage}), backend selection by scheme
 * ({@link io.delta4j.storage.StorageBackends}) and URI handling
 * ({@link io.delta4j.storage.Locations}). The other classes are package-private helpers.
 */
package io.delta4j.storage;
