package io.delta4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVMs for tests that need a second process (concurrent writers, crashes): a main class run
 * on the test class path, with a quick-starting JVM configuration.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java <jvmArgs> -cp <test class path> <main> <args>}, ready for redirects and environment.
   * The child starts with the C1 compiler only and the serial collector: it runs seconds, not
   * minutes, so a quick start matters more than peak speed.
   */
  public static ProcessBuilder command(List<String> jvmArgs, Class<?> main, List<String> args) {
    List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", classPath(), main.getName()));
    command.addAll(args);
    return new ProcessBuilder(command);
  }

  /** The java launcher of this JVM. */
  private static String java() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The test JVM's class path (Surefire's booter sets it to the real one). */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isEmpty() ? surefire : System.getProperty("java.class.path");
  }
}
