package io.delta4j.data;

import io.delta4j.types.MapType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map: the entries of all maps in a key vector and a value vector of equal length, and offsets
 * into them, laid out as in {@link ListVector}. Keys are never null (PROTOCOL.md, "Map Type").
 */
final class MapVector extends ColumnVector {
  private final ColumnVector keys;
  private final ColumnVector values;
  private int[] offsets;

  MapVector(MapType type, ColumnVector keys, ColumnVector values, int capacity) {
    super(type, capacity);
    this.keys = keys;
    this.values = values;
    this.offsets = new int[Math.max(capacity, 1) + 1];
  }

  /** Ends a non-null map made of the entries appended since the previous one. */
  void appendPresent() {
    int i = slot();
    offsets[i + 1] = keys.size();
    advance(i);
  }

  @Override
  void appendNull() {
    int i = slot();
    offsets[i + 1] = offsets[i];
    super.appendNull();
  }

  /** The map at {@code i}, in the file's entry order; a later duplicate key wins. */
  @Override
  Object get(int i) {
    if (isNullAt(i)) {
      return null;
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int e = offsets[i]; e < offsets[i + 1]; e++) {
      map.put(keys.get(e), values.get(e));
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  void resize(int capacity) {
    offsets = Arrays.copyOf(offsets, capacity + 1);
  }
}
