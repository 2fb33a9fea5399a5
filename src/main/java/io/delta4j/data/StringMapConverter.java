package io.delta4j.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * A {@code map<string,string>} field: {@code partitionValues}, {@code tags}, {@code configuration},
 * {@code format.options}. The standard Parquet layout is
 * <pre>optional group m (MAP) { repeated group key_value { required binary key; optional binary value; } }</pre>
 * Older writers annotate {@code MAP_KEY_VALUE} (or nothing) and name the repeated group
 * {@code map} or {@code entries}; as Parquet's compatibility rules say, the repeated group's first
 * field is the key and its second the value, whatever their names. Values may be null (a null
 * partition value); keys may not.
 */
final class StringMapConverter extends GroupConverter implements FieldConverter {
  private final StringValue key = new StringValue();
  private final StringValue value = new StringValue();
  private final Entry entry = new Entry();
  private String path = "?";
  private boolean present;
  private Map<String, String> map;

  @Override
  public Type bind(String path, Type fileType) {
    this.path = path;
    if (fileType.isPrimitive() || fileType.isRepetition(Type.Repetition.REPEATED)) {
      throw SchemaChecks.wrongType(path, fileType, "a map of strings");
    }
    GroupType outer = fileType.asGroupType();
    Type repeated = outer.getFieldCount() == 1 ? outer.getType(0) : null;
    if (repeated == null
        || repeated.isPrimitive()
        || !repeated.isRepetition(Type.Repetition.REPEATED)
        || repeated.asGroupType().getFieldCount() != 2) {
      throw SchemaChecks.wrongType(path, fileType, "a map of strings");
    }
    GroupType kv = repeated.asGroupType();
    key.bind(path + ".key", kv.getType(0));
    value.bind(path + ".value", kv.getType(1));
    return fileType;
  }

  @Override
  public Converter converter() {
    return this;
  }

  @Override
  public void reset() {
    present = false;
    map = null;
  }

  /** The map, or null when the field is null. */
  Map<String, String> get() {
    if (!present) {
      return null;
    }
    return map == null ? Map.of() : map;
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return entry;
  }

  @Override
  public void start() {
    present = true;
    map = null;
  }

  @Override
  public void end() {}

  /** One key/value pair. */
  private final class Entry extends GroupConverter {
    @Override
    public Converter getConverter(int fieldIndex) {
      return fieldIndex == 0 ? key : value;
    }

    @Override
    public void start() {
      key.reset();
      value.reset();
    }

    @Override
    public void end() {
      if (key.get() == null) {
        throw new MalformedActionException(path + " has a null key");
      }
      if (map == null) {
        map = Collections.singletonMap(key.get(), value.get()); // the usual one partition column
        return;
      }
      if (!(map instanceof LinkedHashMap)) {
        map = new LinkedHashMap<>(map); // keeps the written order
      }
      map.put(key.get(), value.get());
    }
  }
}
