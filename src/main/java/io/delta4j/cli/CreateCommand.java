package io.delta4j.cli;

import io.delta4j.DeltaTable;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code create}: a new, empty table at version 0; prints {@code created <table> at version 0}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create an empty table.")
final class CreateCommand extends TableCommand {
  @Option(names = "--schema", required = true, paramLabel = "SCHEMA", converter = SchemaText.Converter.class,
      description = "The columns: Delta's schema JSON ({\"type\":\"struct\",\"fields\":[...]}) or \"id long, name string, ...\".")
  StructType schema;

  @Option(names = "--partition-by", split = ",", paramLabel = "COLUMNS", description = "Partition columns, comma-separated.")
  List<String> partitionBy = new ArrayList<>();

  @Option(names = "--property", paramLabel = "KEY=VALUE",
      description = "A table property, e.g. delta.enableDeletionVectors=true; repeatable.")
  Map<String, String> properties = new LinkedHashMap<>();

  @Override
  public Integer call() {
    List<String> partitions = partitionBy.stream().map(String::strip).toList();
    try (DeltaTable t = DeltaTable.create(table, schema, partitions, properties, storageOptions())) {
      out().println("created " + table + " at version " + t.version());
      out().flush();
    }
    return 0;
  }
}
