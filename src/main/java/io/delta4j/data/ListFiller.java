package io.delta4j.data;

import io.delta4j.types.ArrayType;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

/**
 * An array, in any of the list layouts of Parquet's compatibility rules (LogicalTypes.md, "Lists");
 * {@link ReadSchemaBinder} decides which one a file uses:
 * <ul>
 *   <li>three levels, {@code group (LIST) { repeated group list { optional T element; } }}: the
 *       repeated group wraps each element, which may be null;</li>
 *   <li>two levels, {@code group (LIST) { repeated T element; }}: the repeated field is the
 *       element, never null (Spark's legacy format, parquet-thrift's {@code _tuple});</li>
 *   <li>one level, a bare {@code repeated T x}: the field is both the list and its elements.</li>
 * </ul>
 */
final class ListFiller extends GroupConverter implements VectorFiller {
  private final ArrayType type;
  private final VectorFiller element;
  private final Converter child;
  private final boolean bare;
  private ListVector vector;
  private ColumnVector elements;

  private ListFiller(ArrayType type, VectorFiller element, boolean threeLevels, boolean bare) {
    this.type = type;
    this.element = element;
    this.bare = bare;
    this.child = threeLevels ? new ElementWrapper() : element.converter();
  }

  static ListFiller threeLevels(ArrayType type, VectorFiller element) {
    return new ListFiller(type, element, true, false);
  }

  static ListFiller twoLevels(ArrayType type, VectorFiller element) {
    return new ListFiller(type, element, false, false);
  }

  /** One level: Parquet delivers the elements straight to the element's converter. */
  static ListFiller bare(ArrayType type, VectorFiller element) {
    return new ListFiller(type, element, false, true);
  }

  @Override
  public Converter converter() {
    return bare ? child : this;
  }

  @Override
  public ColumnVector newVector(int capacity) {
    elements = element.newVector(capacity);
    return vector = new ListVector(type, elements, bare, capacity);
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return child;
  }

  @Override
  public void start() {}

  @Override
  public void end() {
    vector.appendPresent();
  }

  /** The repeated group of a three-level list: one start and end per element. */
  private final class ElementWrapper extends GroupConverter {
    private final Converter elementConverter = element.converter();
    private int before;

    @Override
    public Converter getConverter(int fieldIndex) {
      return elementConverter;
    }

    @Override
    public void start() {
      before = elements.size();
    }

    @Override
    public void end() {
      if (elements.size() == before) {
        elements.appendNull();
      }
    }
  }
}
