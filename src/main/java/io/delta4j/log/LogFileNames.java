package io.delta4j.log;

import io.delta4j.storage.FileEntry;
import java.net.URI;
import java.util.Optional;

/**
 * Names of {@code _delta_log} files. Versions are zero-padded to 20 digits so that listing order
 * is version order; parsing uses character checks rather than regular expressions because it runs
 * once per listed file.
 */
public final class LogFileNames {
  public static final String LOG_DIR = "_delta_log";
  public static final String LAST_CHECKPOINT = "_last_checkpoint";
  public static final String SIDECAR_DIR = "_sidecars";
  private static final int VERSION_DIGITS = 20;
  private static final int PART_DIGITS = 10;

  private LogFileNames() {}

  /** {@code 00000000000000000007} for version 7. */
  public static String paddedVersion(long version) {
    String digits = Long.toString(version);
    return "0".repeat(VERSION_DIGITS - digits.length()) + digits;
  }

  /** The commit file name of {@code version}. */
  public static String commit(long version) {
    return paddedVersion(version) + ".json";
  }

  /** The classic checkpoint file name of {@code version}. */
  public static String classicCheckpoint(long version) {
    return paddedVersion(version) + ".checkpoint.parquet";
  }

  /** The checksum file name of {@code version}. */
  public static String checksum(long version) {
    return paddedVersion(version) + ".crc";
  }

  /**
   * Recognises a listed file; empty for anything that is not a log file of interest.
   *
   * @param dir the directory {@code entry} was listed in, which the result keeps (pass the same
   *     instance for every file of a listing)
   */
  public static Optional<LogFile> parse(URI dir, FileEntry entry) {
    String name = entry.name();
    if (name.length() <= VERSION_DIGITS || !allDigits(name, 0, VERSION_DIGITS) || name.charAt(VERSION_DIGITS) != '.') {
      return Optional.empty();
    }
    long version = Long.parseLong(name, 0, VERSION_DIGITS, 10);
    String rest = name.substring(VERSION_DIGITS + 1);
    switch (rest) {
      case "json":
        return Optional.of(file(LogFile.Kind.COMMIT, version, 1, 1, dir, entry));
      case "crc":
        return Optional.of(file(LogFile.Kind.CHECKSUM, version, 1, 1, dir, entry));
      case "checkpoint.parquet":
        return Optional.of(file(LogFile.Kind.CLASSIC_CHECKPOINT, version, 1, 1, dir, entry));
      default:
        break;
    }
    if (rest.startsWith("checkpoint.")) {
      return parseCheckpoint(version, rest.substring("checkpoint.".length()), dir, entry);
    }
    // X.Y.compacted.json
    if (rest.length() == VERSION_DIGITS + ".compacted.json".length()
        && allDigits(rest, 0, VERSION_DIGITS)
        && rest.endsWith(".compacted.json")) {
      return Optional.of(file(LogFile.Kind.COMPACTION, version, 1, 1, dir, entry));
    }
    return Optional.empty();
  }

  private static Optional<LogFile> parseCheckpoint(long version, String rest, URI dir, FileEntry entry) {
    // Multi-part: PPPPPPPPPP.TTTTTTTTTT.parquet
    if (rest.length() == 2 * PART_DIGITS + 1 + ".parquet".length()
        && allDigits(rest, 0, PART_DIGITS)
        && rest.charAt(PART_DIGITS) == '.'
        && allDigits(rest, PART_DIGITS + 1, 2 * PART_DIGITS + 1)
        && rest.endsWith(".parquet")) {
      int part = Integer.parseInt(rest, 0, PART_DIGITS, 10);
      int parts = Integer.parseInt(rest, PART_DIGITS + 1, 2 * PART_DIGITS + 1, 10);
      if (part >= 1 && part <= parts) {
        return Optional.of(file(LogFile.Kind.MULTIPART_CHECKPOINT, version, part, parts, dir, entry));
      }
      return Optional.empty();
    }
    // V2: <uuid>.json or <uuid>.parquet
    int dot = rest.lastIndexOf('.');
    if (dot > 0) {
      String ext = rest.substring(dot + 1);
      if (ext.equals("json") || ext.equals("parquet")) {
        return Optional.of(file(LogFile.Kind.V2_CHECKPOINT, version, 1, 1, dir, entry));
      }
    }
    return Optional.empty();
  }

  private static LogFile file(LogFile.Kind kind, long version, int part, int parts, URI dir, FileEntry entry) {
    return new LogFile(kind, version, part, parts, dir, entry.name(), entry.size(), entry.modificationTime());
  }

  private static boolean allDigits(String s, int from, int to) {
    if (s.length() < to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
