package io.delta4j.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * A {@code list<string>} field: {@code partitionColumns}, {@code readerFeatures},
 * {@code writerFeatures}. Accepts the layouts of Parquet's list compatibility rules:
 * <ul>
 *   <li>three levels: {@code optional group l (LIST) { repeated group list { optional binary element; } }}
 *       (whatever the repeated group and element are named);</li>
 *   <li>two levels: {@code optional group l (LIST) { repeated binary element; }} (the repeated
 *       field is the element);</li>
 *   <li>one level: a bare {@code repeated binary l} (a list of required elements).</li>
 * </ul>
 * Null elements are rejected: a null partition column or feature name has no meaning.
 */
final class StringListConverter extends GroupConverter implements FieldConverter {
  private final Element element = new Element();
  private final ElementGroup elementGroup = new ElementGroup();
  private Converter child;
  private Converter self = this;
  private String path = "?";
  private boolean present;
  private List<String> list;

  @Override
  public Type bind(String path, Type fileType) {
    this.path = path;
    if (fileType.isRepetition(Type.Repetition.REPEATED)) {
      element.bind(path, fileType);
      self = element; // one level: each value of the field is an element
      return fileType;
    }
    if (fileType.isPrimitive() || fileType.asGroupType().getFieldCount() != 1) {
      throw bad(fileType);
    }
    Type repeated = fileType.asGroupType().getType(0);
    if (!repeated.isRepetition(Type.Repetition.REPEATED)) {
      throw bad(fileType);
    }
    if (repeated.isPrimitive()) {
      element.bind(path + ".element", repeated); // two levels
      child = element;
    } else {
      GroupType group = repeated.asGroupType();
      if (group.getFieldCount() != 1) {
        throw bad(fileType);
      }
      elementGroup.value.bind(path + ".element", group.getType(0)); // three levels
      child = elementGroup;
    }
    return fileType;
  }

  private MalformedActionException bad(Type fileType) {
    return SchemaChecks.wrongType(path, fileType, "a list of strings");
  }

  @Override
  public Converter converter() {
    return self;
  }

  @Override
  public void reset() {
    present = false;
    list = null;
  }

  /** The list, or null when the field is null. */
  List<String> get() {
    if (!present) {
      return null;
    }
    return list == null ? List.of() : list;
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return child;
  }

  @Override
  public void start() {
    present = true;
    list = null;
  }

  @Override
  public void end() {}

  private void add(String s) {
    if (s == null) {
      throw new MalformedActionException(path + " has a null element");
    }
    if (list == null) {
      list = new ArrayList<>(4);
    }
    present = true;
    list.add(s);
  }

  /** An element that is itself the repeated field (one or two levels). */
  private final class Element extends StringValue {
    @Override
    boolean accepts(Type type) {
      return SchemaChecks.holdsText(type);
    }

    @Override
    void set(String s) {
      add(s);
    }
  }

  /** The repeated group around an element (three levels). */
  private final class ElementGroup extends GroupConverter {
    final StringValue value = new StringValue();

    @Override
    public Converter getConverter(int fieldIndex) {
      return value;
    }

    @Override
    public void start() {
      value.reset();
    }

    @Override
    public void end() {
      add(value.get());
    }
  }
}
