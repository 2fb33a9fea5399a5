package io.delta4j.log;

import io.delta4j.log.action.FileAction;
import io.delta4j.storage.Locations;
import java.net.URI;

/**
 * The key that reconciles add and remove actions: the canonical path plus the deletion vector's
 * unique id (PROTOCOL.md, "Action Reconciliation"). Paths are canonicalized so that {@code /x},
 * {@code file:/x} and {@code file:///x}, or an encoded and a re-encoded relative path, name the
 * same file.
 */
final class FileKeys {
  private FileKeys() {}

  static String of(URI root, FileAction action) {
    String path = action.path();
    String canonical = isPlainRelative(path) ? path : Locations.canonicalize(root, path);
    return action.deletionVector().map(dv -> canonical + '\u0000' + dv.uniqueId()).orElse(canonical);
  }

  /** A relative path without escapes or scheme is already canonical; most paths are. */
  private static boolean isPlainRelative(String path) {
    if (path.isEmpty() || path.charAt(0) == '/') {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' || c == ':' || c == '.' && (i == 0 || path.charAt(i - 1) == '/')) {
        return false;
      }
    }
    return true;
  }
}
