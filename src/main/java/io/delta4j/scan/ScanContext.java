package io.delta4j.scan;

import io.delta4j.expr.BoundPredicate;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import java.net.URI;

/**
 * What reading a scan's files needs, fixed for the whole scan.
 *
 * @param layout the columns read: the selected ones, then those only the filter needs
 * @param output the selected columns (the rows returned), a prefix of {@code layout}
 * @param filter the bound filter, or null for none
 */
record ScanContext(
    StorageBackend storage, URI root, String table, ColumnMappingMode mode, RowLayout layout, RowLayout output,
    BoundPredicate filter) {}
