package io.delta4j.log;

import io.delta4j.log.action.FileAction;
import io.delta4j.storage.Locations;
import java.net.URI;

/**
 * The key that reconciles add and remove actions: the canonical path plus the deletion vector's
 * unique id (PROTOCOL.md, "Action Reconciliation"). Paths are canonicalized so that {@code /x},
 * {@code file:/x} and {@code file:///x}, or an encoded and a re-encoded relative path, name the
 * same file. Keys of files under the table root drop the root prefix: they are held for every
 * file of the commits after the checkpoint, so shorter keys save memory.
 */
public final class FileKeys {
  private final URI root;

  public FileKeys(URI root) {
    this.root = root;
  }

  public String of(FileAction action) {
    String key = canonicalPath(action.path());
    return action.deletionVector().map(dv -> key + '\u0000' + dv.uniqueId()).orElse(key);
  }

  /** The path part of a key: the canonical form of a log path, relative when under the root. */
  String canonicalPath(String logPath) {
    return Locations.canonicalKey(root, logPath);
  }
}
