package io.delta4j.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What differs between delta4j's and Kernel's listing of one snapshot, in words. */
final class PathDifference {
  private static final int EXAMPLES = 3;

  private PathDifference() {}

  /** Null when both list the same version and the same paths (as multisets); else what differs. */
  static String describe(Listers.Listing delta4j, Listers.Listing kernel) {
    List<String> onlyDelta4j = minus(delta4j.paths(), kernel.paths());
    List<String> onlyKernel = minus(kernel.paths(), delta4j.paths());
    if (delta4j.version() == kernel.version() && onlyDelta4j.isEmpty() && onlyKernel.isEmpty()) {
      return null;
    }
    return "delta4j lists " + delta4j.paths().size() + " files at version " + delta4j.version() + ", Kernel "
        + kernel.paths().size() + " at version " + kernel.version() + "; only delta4j: " + examples(onlyDelta4j)
        + "; only Kernel: " + examples(onlyKernel);
  }

  /** The paths of {@code a} not in {@code b}, counting repeats. */
  private static List<String> minus(List<String> a, List<String> b) {
    Map<String, Integer> left = new HashMap<>();
    b.forEach(p -> left.merge(p, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    for (String p : a) {
      if (left.merge(p, -1, Integer::sum) < 0) {
        out.add(p);
      }
    }
    return out;
  }

  private static String examples(List<String> paths) {
    if (paths.isEmpty()) {
      return "none";
    }
    String shown = String.join(", ", paths.subList(0, Math.min(EXAMPLES, paths.size())));
    return paths.size() + " (" + shown + (paths.size() > EXAMPLES ? ", ..." : "") + ")";
  }
}
