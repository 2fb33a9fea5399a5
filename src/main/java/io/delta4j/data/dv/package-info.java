/**
 * Internal: deletion vectors (PROTOCOL.md "Deletion Vectors"). {@link
 * io.delta4j.data.dv.DeletionVectors} loads the vector a file action's descriptor names, inline or
 * from a DV file, checks it against the descriptor, and returns the deleted row indexes as {@link
 * io.delta4j.data.dv.DeletedRows}; {@link io.delta4j.data.dv.DeletionVectorWriter} writes new
 * vectors to a DV file. The bitmaps are RoaringBitmap's, read and written by the RoaringBitmap
 * library; this package imports it so that no other needs to. Not a public API: its classes are
 * public only so that the scan and the write path can use them.
 */
package io.delta4j.data.dv;
