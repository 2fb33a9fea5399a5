package io.delta4j.log.action;

/**
 * One action of the Delta transaction log (PROTOCOL.md, "Actions"). Each commit file holds one
 * action per line; checkpoints hold one action per row.
 */
public sealed interface Action
    permits Protocol, Metadata, AddFile, RemoveFile, AddCdcFile, SetTransaction, CommitInfo,
        DomainMetadata, CheckpointMetadata, Sidecar {

  /** The action's type, which is also its key in the log JSON. */
  ActionType type();
}
