package io.delta4j.data;

import io.delta4j.types.MapType;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

/**
 * A map: {@code group (MAP) { repeated group key_value { required K key; optional V value; } }},
 * or the legacy {@code MAP_KEY_VALUE} form; the repeated group's first field is the key and its
 * second the value, whatever their names (LogicalTypes.md, "Maps"). A null key breaks the
 * protocol ("Map Type") and fails the read; a missing value reads as null.
 */
final class MapFiller extends GroupConverter implements VectorFiller {
  private final MapType type;
  private final String path;
  private final VectorFiller key;
  private final VectorFiller value;
  private final Entry entry;
  private MapVector vector;
  private ColumnVector keys;
  private ColumnVector values;

  /**
   * @param entryConverters the converters of the projected key-value group's fields, in order
   */
  MapFiller(MapType type, String path, VectorFiller key, VectorFiller value, Converter[] entryConverters) {
    this.type = type;
    this.path = path;
    this.key = key;
    this.value = value;
    this.entry = new Entry(entryConverters);
  }

  @Override
  public Converter converter() {
    return this;
  }

  @Override
  public ColumnVector newVector(int capacity) {
    keys = key.newVector(capacity);
    values = value.newVector(capacity);
    return vector = new MapVector(type, keys, values, capacity);
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return entry;
  }

  @Override
  public void start() {}

  @Override
  public void end() {
    vector.appendPresent();
  }

  /** One key-value pair. */
  private final class Entry extends GroupConverter {
    private final Converter[] converters;
    private int before;

    Entry(Converter[] converters) {
      this.converters = converters;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return converters[fieldIndex];
    }

    @Override
    public void start() {
      before = keys.size();
    }

    @Override
    public void end() {
      if (keys.size() == before) {
        throw DataFileException.malformed("map column " + path + " has a null key");
      }
      if (values.size() == before) {
        values.appendNull();
      }
    }
  }
}
