package io.delta4j.log.crc;

import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.SetTransaction;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content of a version checksum file, {@code _delta_log/<version>.crc} (PROTOCOL.md, "Version
 * Checksum File Schema"): the state of the table at one version, for validating it. The
 * {@code allFiles} field of the protocol is not modelled: delta4j neither needs nor writes it,
 * and readers skip it.
 *
 * <p>The transaction and domain lists are sorted (by application id, by domain) so that equal
 * states give equal records whatever order a writer listed them in.
 *
 * @param txnId JSON {@code txnId}: the id of the transaction that wrote the version, as in its
 *     {@code commitInfo.txnId}
 * @param tableSizeBytes the sum of the sizes of the live files
 * @param numFiles the number of live files
 * @param numDeletedRecords JSON {@code numDeletedRecordsOpt}: the rows deleted by the live files'
 *     deletion vectors
 * @param numDeletionVectors JSON {@code numDeletionVectorsOpt}: the live files with a deletion
 *     vector
 * @param numMetadata the number of {@code metaData} actions; must be 1
 * @param numProtocol the number of {@code protocol} actions; must be 1
 * @param inCommitTimestamp JSON {@code inCommitTimestampOpt}: the version's in-commit timestamp,
 *     present exactly when in-commit timestamps are enabled
 * @param setTransactions the latest {@code txn} of each application
 * @param domainMetadata the live domains, without tombstones
 * @param metadata the table metadata
 * @param protocol the table protocol
 * @param fileSizeHistogram JSON {@code fileSizeHistogram} (Delta before 4.x: {@code
 *     histogramOpt}): the live files by size
 * @param deletedRecordCountsHistogram JSON {@code deletedRecordCountsHistogramOpt}: the live files
 *     by deleted rows
 */
public record VersionChecksum(
    Optional<String> txnId,
    long tableSizeBytes,
    long numFiles,
    OptionalLong numDeletedRecords,
    OptionalLong numDeletionVectors,
    long numMetadata,
    long numProtocol,
    OptionalLong inCommitTimestamp,
    Optional<List<SetTransaction>> setTransactions,
    Optional<List<DomainMetadata>> domainMetadata,
    Metadata metadata,
    Protocol protocol,
    Optional<FileSizeHistogram> fileSizeHistogram,
    Optional<DeletedRecordCountsHistogram> deletedRecordCountsHistogram) {

  public VersionChecksum {
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(numDeletedRecords, "numDeletedRecords");
    Objects.requireNonNull(numDeletionVectors, "numDeletionVectors");
    Objects.requireNonNull(inCommitTimestamp, "inCommitTimestamp");
    setTransactions = setTransactions.map(
        txns -> txns.stream().sorted(Comparator.comparing(SetTransaction::appId)).toList());
    domainMetadata = domainMetadata.map(
        domains -> domains.stream().sorted(Comparator.comparing(DomainMetadata::domain)).toList());
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(fileSizeHistogram, "fileSizeHistogram");
    Objects.requireNonNull(deletedRecordCountsHistogram, "deletedRecordCountsHistogram");
    if (domainMetadata.orElse(List.of()).stream().anyMatch(DomainMetadata::removed)) {
      throw new IllegalArgumentException("domainMetadata must not hold tombstones (removed: true)");
    }
  }
}
