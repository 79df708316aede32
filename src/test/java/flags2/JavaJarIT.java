package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flags2.testing.Streams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar flags2.jar} as someone runs it with whatever {@code java} they have: an older
 * Java gets one line saying what flags2 needs instead of {@code UnsupportedClassVersionError}, and
 * a Java 21+ runs flags2 with its arguments and exit status passed through.
 */
class JavaJarIT {
  private static final Path JAR = Path.of(System.getProperty("flags2.jar", "target/flags2.jar"));
  private static final Pattern RELEASE_VERSION =
      Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

  private record Run(int status, String out, String err) {}

  @Test
  void anOlderJavaPrintsOneLineSayingFlags2NeedsJava21AndExits1() throws Exception {
    Optional<Path> old = newestJavaBefore21();
    assumeTrue(old.isPresent(), "no Java older than 21 under /usr/lib/jvm");
    Path home = old.get();

    Run run = javaJar(home, "--version");

    assertEquals(1, run.status(), run.err());
    assertEquals("", run.out());
    assertEquals(
        "flags2 needs Java 21 or newer; this is Java " + major(home) + " (" + home + ")\n",
        run.err());
  }

  @Test
  void java21OrNewerRunsFlags2AndPrintsTheVersionFromThePom() throws Exception {
    Path home = Path.of(System.getProperty("java.home"));

    Run run = javaJar(home, "--version");

    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("flags2 " + System.getProperty("flags2.version"), lines.getFirst(), run.out());
    assertTrue(lines.get(1).startsWith("Java " + Runtime.version()), run.out());
    assertTrue(lines.get(1).endsWith(", " + home), run.out());
  }

  @Test
  void java21OrNewerPassesTheArgumentsAndTheExitStatusThrough() throws Exception {
    Run run = javaJar(Path.of(System.getProperty("java.home")), "--max-req", "0");

    assertEquals(2, run.status(), run.err());
    assertTrue(run.err().startsWith("*** Usage error: "), run.err());
    assertEquals("", run.out());
  }

  private static Run javaJar(Path javaHome, String... args) throws Exception {
    List<String> command =
        Stream.concat(
                Stream.of(javaHome.resolve("bin/java").toString(), "-jar", JAR.toString()),
                Stream.of(args))
            .toList();
    Process java = new ProcessBuilder(command).start();
    java.getOutputStream().close();
    CompletableFuture<String> out = Streams.readAll(java.getInputStream());
    CompletableFuture<String> err = Streams.readAll(java.getErrorStream());
    if (!java.waitFor(60, TimeUnit.SECONDS)) {
      java.destroyForcibly();
      throw new AssertionError("java -jar still running after 60 s: " + command);
    }
    return new Run(java.exitValue(), out.get(), err.get());
  }

  /**
   * The newest Java from 8 to 20 installed under /usr/lib/jvm, as its real path (its java.home).
   */
  private static Optional<Path> newestJavaBefore21() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    TreeMap<Integer, Path> found = new TreeMap<>();
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted(Comparator.naturalOrder()).toList()) {
        int major = major(home);
        if (major >= 8 && major < 21 && Files.isExecutable(home.resolve("bin/java"))) {
          found.putIfAbsent(major, home.toRealPath());
        }
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.lastEntry().getValue());
  }

  /** The major version in the JDK's release file, 8 for "1.8.0_402"; 0 when unreadable. */
  private static int major(Path home) throws IOException {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return 0;
    }
    Matcher m = RELEASE_VERSION.matcher(Files.readString(release));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
