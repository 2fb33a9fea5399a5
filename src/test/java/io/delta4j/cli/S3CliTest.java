package io.delta4j.cli;

import static io.delta4j.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.ChildJvm;
import io.delta4j.cli.CliTest.Result;
import io.delta4j.storage.Locations;
import io.delta4j.storage.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool on {@code s3://} tables, configured by {@code --storage-option}: every
 * command prints on S3 what it prints for the same steps on local disk, but for the table's
 * location, the random parts of data file names and commit times.
 */
class S3CliTest {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /** Commit times (info, history) with history's padding: the two runs commit at different moments. */
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z *");

  @TempDir Path dir;

  /** The storage options that reach the test server, as command-line arguments. */
  static List<String> storageArgs() {
    List<String> args = new ArrayList<>();
    S3.options().values().forEach((k, v) -> args.addAll(List.of("--storage-option", k + "=" + v)));
    return args;
  }

  @Test
  void everyCommandPrintsOnS3WhatItPrintsOnDisk() throws IOException {
    Path rows = dir.resolve("rows.jsonl");
    Files.writeString(rows, """
        {"id": 1, "name": "ann", "p": "a"}
        {"id": 2, "name": "bob", "p": "b"}
        {"id": 3, "name": "cy", "p": "a b/c%"}
        """);
    Path more = dir.resolve("more.csv");
    Files.writeString(more, "id,name,p\n4,dan,a\n5,,b\n");
    String local = dir.resolve("t").toString();
    String s3 = S3.root(S3.createBucket(), "dir/t").toString();

    String onDisk = transcript(local, List.of(), rows, more);
    String onS3 = transcript(s3, storageArgs(), rows, more);

    assertEquals(onDisk, onS3);
    // The transcript checks real work, not a run of identical errors.
    assertTrue(onS3.contains("append: committed version 2 (2 files, 2 rows, 1 attempt)"), onS3);
    assertTrue(onS3.contains("delete: committed version 3 (2 rows deleted, 2 files removed, 0 files added, 1 attempt)"), onS3);
    assertTrue(onS3.contains("vacuum: would delete 2 files"), onS3);
    assertFalse(onS3.contains("exit 1"), onS3);
  }

  /**
   * Runs the same steps on {@code table} and returns each command with its exit code and output,
   * with the table's location, data file UUIDs and commit times replaced by placeholders.
   */
  private static String transcript(String table, List<String> storage, Path rows, Path more) {
    List<List<String>> steps = List.of(
        List.of("create", table, "--schema", "id long, name string, p string", "--partition-by", "p"),
        List.of("append", table, "--from", rows.toString()),
        List.of("append", table, "--from", more.toString()),
        List.of("info", table),
        List.of("info", table, "--json", "--version", "1"),
        List.of("schema", table),
        List.of("count", table),
        List.of("count", table, "--where", "p = 'a'"),
        List.of("files", table),
        List.of("files", table, "--version", "1"),
        List.of("cat", table, "--format", "csv"),
        List.of("cat", table, "--where", "id > 1", "--select", "name,id"),
        List.of("delete", table, "--where", "p = 'b'"),
        List.of("history", table),
        List.of("checkpoint", table),
        List.of("cat", table),
        List.of("vacuum", table, "--dry-run"),
        List.of("vacuum", table, "--dry-run", "--retention-hours", "0", "--force"));
    String root = Locations.tableRoot(table).toString();
    StringBuilder out = new StringBuilder();
    for (List<String> step : steps) {
      List<String> args = new ArrayList<>(step);
      args.addAll(storage);
      Result r = run(args.toArray(String[]::new));
      out.append("$ ").append(String.join(" ", step)).append("\nexit ").append(r.code()).append('\n')
          .append(r.out()).append(r.err());
    }
    String text = out.toString().replace(root, "<root>/").replace(table, "<table>");
    text = UUID.matcher(text).replaceAll("<uuid>");
    return INSTANT.matcher(text).replaceAll("<time> ");
  }

  /**
   * Three {@code delta4j append} processes at once, configured three ways: AWS environment
   * variables, an AWS profile ({@code AWS_PROFILE}) with {@code AWS_ENDPOINT_URL}, and
   * {@code --storage-option} alone. Each commits a version of its own.
   */
  @Test
  void concurrentAppendsFromProcessesConfiguredByTheAwsEnvironment() throws Exception {
    String table = S3.root(S3.createBucket(), "t").toString();
    List<String> create = new ArrayList<>(List.of("create", table, "--schema", "id long, p string", "--partition-by", "p"));
    create.addAll(storageArgs());
    assertEquals(0, run(create.toArray(String[]::new)).code());
    Files.writeString(dir.resolve("credentials"), "[delta4j-test]\naws_access_key_id = " + S3TestServer.ACCESS_KEY
        + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n");
    Files.writeString(dir.resolve("config"), "[profile delta4j-test]\nregion = " + S3TestServer.REGION + "\n");
    Map<String, String> keys = Map.of(
        "AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY,
        "AWS_REGION", S3TestServer.REGION, "AWS_ENDPOINT_URL_S3", S3.endpoint().toString());
    Map<String, String> profile = Map.of(
        "AWS_PROFILE", "delta4j-test", "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString(),
        "AWS_CONFIG_FILE", dir.resolve("config").toString(), "AWS_ENDPOINT_URL", S3.endpoint().toString());
    List<Process> children = List.of(
        append(table, 0, keys, List.of()), append(table, 1, profile, List.of()), append(table, 2, Map.of(), storageArgs()));

    Set<String> versions = new TreeSet<>();
    for (int c = 0; c < children.size(); c++) {
      Process child = children.get(c);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child " + c + " did not finish");
      String out = Files.readString(dir.resolve("child" + c + ".out"));
      Path err = dir.resolve("child" + c + ".err");
      assertEquals(0, child.exitValue(), () -> out + readQuietly(err));
      Matcher m = Pattern.compile("append: committed version (\\d+) \\(1 file, 2 rows, \\d+ attempts?\\)\n").matcher(out);
      assertTrue(m.matches(), out);
      versions.add(m.group(1));
    }
    assertEquals(Set.of("1", "2", "3"), versions);
    List<String> cat = new ArrayList<>(List.of("cat", table, "--format", "csv"));
    cat.addAll(storageArgs());
    assertEquals(Set.of("id,p", "0,c0", "1,c0", "10,c1", "11,c1", "20,c2", "21,c2"),
        run(cat.toArray(String[]::new)).lines().stream().map(String::strip).collect(Collectors.toSet()));
  }

  /** Starts {@code delta4j append} in a child JVM with only the given AWS environment variables. */
  private Process append(String table, int child, Map<String, String> awsEnvironment, List<String> storage)
      throws IOException {
    Path rows = dir.resolve("rows" + child + ".jsonl");
    Files.writeString(rows, "{\"id\": " + 10 * child + ", \"p\": \"c" + child + "\"}\n{\"id\": " + (10 * child + 1)
        + ", \"p\": \"c" + child + "\"}\n");
    List<String> args = new ArrayList<>(List.of("append", table, "--from", rows.toString()));
    args.addAll(storage);
    ProcessBuilder builder = ChildJvm.command(List.of(), Main.class, args)
        .redirectOutput(dir.resolve("child" + child + ".out").toFile())
        .redirectError(dir.resolve("child" + child + ".err").toFile());
    // Nothing from the machine running the tests: only what the case sets.
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().putAll(awsEnvironment);
    return builder.start();
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  @Test
  void errorsNameTheS3TableAndNeverTheSecret() {
    String table = S3.root(S3.createBucket(), "missing").toString();
    List<String> args = new ArrayList<>(List.of("info", table, "--debug"));
    args.addAll(storageArgs());
    Result missing = run(args.toArray(String[]::new));
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith(table + ": "), missing.err());
    assertFalse(missing.err().contains(S3TestServer.SECRET_KEY), missing.err());

    args.addAll(List.of("--storage-option", "endpont=http://127.0.0.1:1"));
    Result typo = run(args.toArray(String[]::new));
    assertEquals(1, typo.code());
    assertEquals(table + "/: unknown storage option 'endpont'; S3 tables know [accessKeyId, connectTimeoutMillis, endpoint, listPageSize, "
        + "maxAttempts, maxConnections, pathStyle, region, retryMode, secretAccessKey, sessionToken, socketTimeoutMillis].",
        typo.err().lines().findFirst().orElseThrow());
  }
}
