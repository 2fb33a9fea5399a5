package io.delta4j.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * A struct column read field by field. Subclasses say which fields they read; binding to the
 * file's struct keeps those the file has, in the file's order, and nothing else. Fields the file
 * lacks are never delivered and so read as null, which is how PROTOCOL.md ("Checkpoints") asks
 * readers to treat missing columns; fields we do not know are not read at all.
 */
abstract class StructConverter extends GroupConverter implements FieldConverter {
  private Converter[] children = new Converter[0];
  private FieldConverter[] fields = new FieldConverter[0];
  private String path = "?";
  private boolean present;

  /**
   * The converter for field {@code name} of {@code struct}, or null to skip the field. Seeing the
   * whole struct lets a field depend on its siblings (read {@code stats_parsed} only without
   * {@code stats}).
   */
  protected abstract FieldConverter field(String name, GroupType struct);

  /** Called when a non-null struct value has been read completely. */
  protected abstract void complete();

  /** Called when a non-null struct value starts, after its fields were reset. */
  protected void begin() {}

  @Override
  public GroupType bind(String path, Type fileType) {
    this.path = path;
    if (!SchemaChecks.isStruct(fileType)) {
      throw SchemaChecks.wrongType(path, fileType, "a struct");
    }
    GroupType struct = fileType.asGroupType();
    List<Type> kept = new ArrayList<>();
    List<FieldConverter> bound = new ArrayList<>();
    for (Type child : struct.getFields()) {
      FieldConverter converter = field(child.getName(), struct);
      if (converter == null) {
        continue;
      }
      Type projected = converter.bind(path + "." + child.getName(), child);
      if (projected != null) {
        kept.add(projected);
        bound.add(converter);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    fields = bound.toArray(new FieldConverter[0]);
    children = new Converter[fields.length];
    for (int i = 0; i < fields.length; i++) {
      children[i] = fields[i].converter();
    }
    return struct.withNewFields(kept);
  }

  @Override
  public final Converter converter() {
    return this;
  }

  @Override
  public final Converter getConverter(int fieldIndex) {
    return children[fieldIndex];
  }

  @Override
  public final void start() {
    present = true;
    for (FieldConverter f : fields) {
      f.reset();
    }
    begin();
  }

  @Override
  public final void end() {
    complete();
  }

  @Override
  public void reset() {
    present = false;
  }

  /** Whether the current row has this struct (it is not null). */
  final boolean isPresent() {
    return present;
  }

  /** The dotted path of this struct, or of one of its fields. */
  final String path(String field) {
    return path + "." + field;
  }

  /** The value of a field the protocol requires. */
  final String required(StringValue value, String field) {
    String s = value.get();
    if (s == null) {
      throw missing(field);
    }
    return s;
  }

  final long required(LongValue value, String field) {
    if (!value.isPresent()) {
      throw missing(field);
    }
    return value.get();
  }

  final int required(IntValue value, String field) {
    if (!value.isPresent()) {
      throw missing(field);
    }
    return value.get();
  }

  final MalformedActionException missing(String field) {
    return new MalformedActionException(path(field) + " is null, but the protocol requires it");
  }
}
