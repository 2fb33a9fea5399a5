package io.delta4j.cdf;

import io.delta4j.DeltaErrors;
import io.delta4j.log.LogFile;
import io.delta4j.log.LogSegmentBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a change data feed range against the log: both ends are versions of the table, the start
 * is not after the end, and the commit file of every version in between still exists (a change
 * feed reads commits, which metadata cleanup deletes; a checkpoint cannot stand in for them).
 */
public final class ChangeRange {
  private ChangeRange() {}

  /**
   * The commit files of versions {@code start} to {@code end}, in order.
   *
   * @throws io.delta4j.VersionNotFoundException when the range is empty or reversed, starts before
   *     0, ends after the latest version, or a commit file in it was cleaned up
   * @throws io.delta4j.CorruptLogException when a commit inside the range is missing (a gap)
   */
  public static List<LogFile> commits(String table, LogSegmentBuilder segments, long start, long end) {
    if (start < 0) {
      throw DeltaErrors.invalidChangeRange(table, start, end, -1, -1, "versions start at 0");
    }
    if (start > end) {
      throw DeltaErrors.invalidChangeRange(table, start, end, -1, -1, "the start version is after the end version");
    }
    List<LogFile> listed = segments.commits(start, Long.MAX_VALUE); // to the end of the log, to know the latest
    if (listed.isEmpty()) {
      List<LogFile> all = segments.commits(0, Long.MAX_VALUE);
      long latest = all.isEmpty() ? -1 : all.get(all.size() - 1).version();
      long earliest = all.isEmpty() ? -1 : all.get(0).version();
      throw DeltaErrors.invalidChangeRange(table, start, end, earliest, latest,
          latest < 0 ? "the log has no commit files" : "version " + start + " does not exist; the latest version is " + latest);
    }
    long latest = listed.get(listed.size() - 1).version();
    if (listed.get(0).version() > start) {
      throw DeltaErrors.invalidChangeRange(table, start, end, listed.get(0).version(), latest,
          "the commit file of version " + start + " no longer exists (the log was cleaned up); the earliest version"
              + " with a commit file is " + listed.get(0).version());
    }
    if (end > latest) {
      throw DeltaErrors.invalidChangeRange(table, start, end, -1, latest,
          "version " + end + " does not exist; the latest version is " + latest);
    }
    List<LogFile> out = new ArrayList<>();
    long expected = start;
    for (LogFile f : listed) {
      if (f.version() > end) {
        break;
      }
      if (f.version() != expected) {
        throw DeltaErrors.versionGap(table, expected - 1, f.version());
      }
      out.add(f);
      expected++;
    }
    return out;
  }
}
