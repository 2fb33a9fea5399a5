package io.delta4j.log;

import io.delta4j.log.action.FileAction;
import io.delta4j.storage.Locations;
import java.util.BitSet;
import java.util.Map;

/**
 * Whether a checkpoint's file action is superseded by the commits after the checkpoint: a lookup
 * in their file keys, asked once for every file of the checkpoint, nearly always answered "no".
 * Before computing the action's canonical key (a scan of its path) and hashing it (a second
 * scan), a one-bit-per-hash filter on the last characters of the path answers most of those "no"s.
 *
 * <p>Why the filter is exact in what it rejects: canonicalizing a path (see
 * {@link Locations#canonicalKey}) decodes and re-encodes it and rewrites what comes before its
 * last segment, but leaves alone unreserved characters ({@code A-Z a-z 0-9 - . _}) that are not
 * part of a percent escape. So when the last 32 characters of a path are such characters (and no
 * escape reaches into them from the left), they are the last 32 characters of its key too, and two
 * paths with the same key and such tails have the same tails. Any other tail is never rejected: it
 * goes to the full lookup. 32 characters reach into the UUID of Delta's data file names
 * ({@code part-00042-<uuid>.c000.snappy.parquet}), which is what tells them apart.
 */
final class TailKeys {
  private static final int SUFFIX = 32;
  private static final int BITS = 1 << 16;
  private static final boolean[] UNRESERVED = new boolean[128];

  static {
    for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._".toCharArray()) {
      UNRESERVED[c] = true;
    }
  }

  private final Map<String, FileAction> tail;
  private final FileKeys keys;
  private final BitSet suffixes; // null when some key's path has no tail the filter can use

  /** @param tail the newest file action per key of the commits after the checkpoint */
  TailKeys(Map<String, FileAction> tail, FileKeys keys) {
    this.tail = tail;
    this.keys = keys;
    BitSet bits = new BitSet(BITS);
    for (FileAction f : tail.values()) {
      int h = suffixHash(keys.canonicalPath(f.path()));
      if (h < 0) {
        bits = null;
        break;
      }
      bits.set(h);
    }
    this.suffixes = tail.isEmpty() ? null : bits;
  }

  /** Whether a commit after the checkpoint has an action with {@code action}'s key. */
  boolean contains(FileAction action) {
    if (tail.isEmpty()) {
      return false;
    }
    if (suffixes != null) {
      int h = suffixHash(action.path());
      if (h >= 0 && !suffixes.get(h)) {
        return false;
      }
    }
    return tail.containsKey(keys.of(action));
  }

  /**
   * A 16-bit hash of the path's last characters, or -1 when one of them is not unreserved or a
   * percent escape may end among them.
   */
  static int suffixHash(String path) {
    int n = Math.min(SUFFIX, path.length());
    int start = path.length() - n;
    if ((start >= 1 && path.charAt(start - 1) == '%') || (start >= 2 && path.charAt(start - 2) == '%')) {
      return -1;
    }
    int h = 0;
    for (int i = start; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c >= 128 || !UNRESERVED[c]) {
        return -1;
      }
      h = 31 * h + c;
    }
    return (h ^ (h >>> 16)) & (BITS - 1);
  }
}
