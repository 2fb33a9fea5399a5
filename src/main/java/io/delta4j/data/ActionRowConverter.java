package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The root of the converter tree: one child per wanted action column that the file has. Binding
 * to the file schema yields the requested (projected) schema, so Parquet fetches and decodes only
 * those columns. Each row holds one action; a row whose wanted structs are all null (an action of
 * another type) produces nothing.
 */
final class ActionRowConverter extends GroupConverter {
  private final Converter[] children;
  private final MessageType requested;

  ActionRowConverter(MessageType fileSchema, Set<ActionType> wanted, AddFields addFields, Consumer<Action> sink) {
    List<Type> kept = new ArrayList<>();
    List<Converter> converters = new ArrayList<>();
    for (Type column : fileSchema.getFields()) {
      ActionType type = ActionType.fromKey(column.getName());
      ActionConverter converter = type != null && wanted.contains(type) ? converterFor(type, addFields, sink) : null;
      if (converter == null) {
        continue; // unknown columns, and action types not asked for, are not read
      }
      Type projected = converter.bind(column.getName(), column);
      if (projected != null) {
        kept.add(projected);
        converters.add(converter);
      }
    }
    this.children = converters.toArray(new Converter[0]);
    this.requested = new MessageType(fileSchema.getName(), kept);
  }

  private static ActionConverter converterFor(ActionType type, AddFields addFields, Consumer<Action> sink) {
    return switch (type) {
      case ADD -> new AddFileConverter(sink, addFields);
      case REMOVE -> new RemoveFileConverter(sink);
      case METADATA -> new MetadataConverter(sink);
      case PROTOCOL -> new ProtocolConverter(sink);
      case TXN -> new TxnConverter(sink);
      case DOMAIN_METADATA -> new DomainMetadataConverter(sink);
      case CHECKPOINT_METADATA -> new CheckpointMetadataConverter(sink);
      case SIDECAR -> new SidecarConverter(sink);
      // PROTOCOL.md ("Checkpoints"): checkpoints hold neither; columns old writers left are ignored.
      case CDC, COMMIT_INFO -> null;
    };
  }

  /** The file schema limited to what is read; no fields when nothing wanted is in the file. */
  MessageType requested() {
    return requested;
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
