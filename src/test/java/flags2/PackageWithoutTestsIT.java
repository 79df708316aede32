package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.testing.Streams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn package -Dmaven.test.skip=true}, the Java developer's everyday build, in a copy of the
 * project with no {@code target}: it must build the jar and the man pages without compiling a test.
 * Runs the Maven running this build, offline, on the local repository this build filled. Tagged
 * slow (25-35 s on two busy cores, most of it compiling and Asciidoctor): {@code mvn verify} runs
 * it; {@code -DexcludedGroups=slow} skips it while iterating.
 */
@Tag("slow")
class PackageWithoutTestsIT {
  private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));

  /** What the build reads; everything else in a checkout is left behind. */
  private static final List<String> BUILD_INPUTS =
      List.of("pom.xml", "country_codes.txt", "src", "LICENSE", "README.md");

  @TempDir Path copy;

  @Test
  void buildsTheJarAndTheManPagesWithoutTestClasses() throws Exception {
    for (String name : BUILD_INPUTS) {
      copyTree(PROJECT.resolve(name), copy.resolve(name));
    }
    String maven =
        System.getProperty("flags2.maven.home") == null
            ? "mvn"
            : Path.of(System.getProperty("flags2.maven.home"), "bin", "mvn").toString();
    List<String> command =
        new ArrayList<>(
            List.of(maven, "-o", "-q", "-B", "-Dstyle.color=never", "-Dmaven.test.skip=true"));
    if (System.getProperty("flags2.maven.repo") != null) {
      command.add("-Dmaven.repo.local=" + System.getProperty("flags2.maven.repo"));
    }
    // the runtime image is made from the archive by src/dist/image.sh, no test class either; it
    // costs 25 s more here, and InstallIT tries the one the main build made
    command.add("-Dflags2.image.skip=true");
    command.add("package");
    Process build = new ProcessBuilder(command).directory(copy.toFile()).start();
    CompletableFuture<String> out = Streams.readAll(build.getInputStream());
    CompletableFuture<String> err = Streams.readAll(build.getErrorStream());
    boolean finished = build.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      build.destroyForcibly();
    }
    String log = out.get() + err.get();

    assertTrue(finished, "the build took over 5 minutes:\n" + log);
    assertEquals(0, build.exitValue(), "the build failed:\n" + log);
    Path target = copy.resolve("target");
    assertTrue(Files.isRegularFile(target.resolve("flags2.jar")), "no flags2.jar:\n" + log);
    for (String page :
        List.of("flags2", "flags2-serve", "flags2-bench", "flags2-generate-completion")) {
      assertTrue(Files.isRegularFile(target.resolve("man/" + page + ".1")), "no " + page + ".1");
    }
    String version = System.getProperty("flags2.version", "0.1.0");
    assertTrue(Files.isRegularFile(target.resolve("flags2-" + version + ".tar.gz")), "no archive");
    assertFalse(Files.exists(target.resolve("test-classes")), "tests were compiled");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path dest = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(path, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
