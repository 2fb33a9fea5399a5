package io.delta4j.data;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Reads a column and drops its values. Used for a presence probe: when a struct is in the file but
 * none of the fields asked for is, one of its columns is still read, so that a null struct and a
 * struct whose asked-for fields are all missing (and so null) come out different.
 */
final class IgnoringConverter {
  private IgnoringConverter() {}

  /**
   * The part of {@code type} a probe reads: its first column, with the groups leading to it. The
   * first column is as good as any: every column of a group says where the group is null.
   */
  static Type probe(Type type) {
    if (type.isPrimitive()) {
      return type;
    }
    GroupType group = type.asGroupType();
    return group.withNewFields(probe(group.getType(0)));
  }

  /** A converter that accepts every value of {@code type} (a probe) and keeps none. */
  static Converter of(Type type) {
    if (type.isPrimitive()) {
      return new Leaf();
    }
    GroupType group = type.asGroupType();
    Converter[] children = new Converter[group.getFieldCount()];
    for (int i = 0; i < children.length; i++) {
      children[i] = of(group.getType(i));
    }
    return new Group(children);
  }

  private static final class Group extends GroupConverter {
    private final Converter[] children;

    Group(Converter[] children) {
      this.children = children;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }

  private static final class Leaf extends PrimitiveConverter {
    @Override
    public void addBinary(Binary value) {}

    @Override
    public void addBoolean(boolean value) {}

    @Override
    public void addDouble(double value) {}

    @Override
    public void addFloat(float value) {}

    @Override
    public void addInt(int value) {}

    @Override
    public void addLong(long value) {}
  }
}
