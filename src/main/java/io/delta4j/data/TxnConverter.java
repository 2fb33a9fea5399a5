package io.delta4j.data;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.SetTransaction;
import java.util.function.Consumer;
import org.apache.parquet.schema.GroupType;

/** The {@code txn} column (PROTOCOL.md, "Transaction Identifiers"). */
final class TxnConverter extends ActionConverter {
  private final StringValue appId = new StringValue();
  private final LongValue version = new LongValue();
  private final LongValue lastUpdated = new LongValue();

  TxnConverter(Consumer<Action> sink) {
    super(sink);
  }

  @Override
  protected FieldConverter field(String name, GroupType struct) {
    return switch (name) {
      case "appId" -> appId;
      case "version" -> version;
      case "lastUpdated" -> lastUpdated;
      default -> null;
    };
  }

  @Override
  protected Action build() {
    return new SetTransaction(required(appId, "appId"), required(version, "version"), lastUpdated.optional());
  }
}
