package io.delta4j.data;

import io.delta4j.log.action.Action;
import java.util.function.Consumer;

/** The struct column of one action type: each non-null value becomes one action record. */
abstract class ActionConverter extends StructConverter {
  private final Consumer<Action> sink;

  ActionConverter(Consumer<Action> sink) {
    this.sink = sink;
  }

  /** The record for the struct value just read. */
  protected abstract Action build();

  @Override
  protected final void complete() {
    sink.accept(build());
  }
}
