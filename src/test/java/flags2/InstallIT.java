package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import flags2.common.Site;
import flags2.serve.Delay;
import flags2.serve.TestServers;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The release archive and the runtime image install as a user installs them: unpacked into a folder
 * whose name has a space, run through {@code bin/flags2} from another folder, with no {@code java}
 * on PATH (the image) or only an old one (the archive, which must find a JDK 21+ elsewhere),
 * against a test server on a free port; their man pages render and their completion script loads.
 */
@Tag("slow")
class InstallIT {
  private static final Path TARGET = Path.of(System.getProperty("flags2.target", "target"));
  private static final String VERSION = System.getProperty("flags2.version", "0.1.0");
  private static TestServers servers;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws IOException {
    servers =
        TestServers.start(
            new TestServers.Config(
                InetAddress.getLoopbackAddress(),
                Map.of(Site.LOCAL, 0),
                new Delay(0, 0),
                0,
                0,
                418,
                OptionalLong.of(0),
                null),
            EnumSet.of(Site.LOCAL));
  }

  @AfterAll
  static void stopServer() {
    servers.close();
  }

  private static Path image() throws IOException {
    try (DirectoryStream<Path> images =
        Files.newDirectoryStream(TARGET, "flags2-" + VERSION + "-*-*.tar.gz")) {
      for (Path image : images) {
        return image;
      }
    }
    throw new AssertionError("no runtime image in " + TARGET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tar.gz", "zip"})
  void theArchiveRunsOnAJdkItFindsWhenPathHasOnlyAnOldJava(String format) throws Exception {
    Path home = unpack(TARGET.resolve("flags2-" + VERSION + "." + format), "flags2-" + VERSION);
    Path oldJava =
        Stream.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-17-openjdk-arm64")
            .map(Path::of)
            .filter(Files::isDirectory)
            .findFirst()
            .orElse(null);
    List<String> before = listing(home);

    Path cache = tmp.resolve("user home/.cache/flags2");
    assertDownloads(home, oldJava == null ? null : oldJava.resolve("bin"));

    assertEquals(before, listing(home), "nothing written into the install folder");
    try (Stream<Path> caches = Files.list(cache)) {
      assertTrue(
          caches.anyMatch(f -> f.toString().endsWith(".aot")), "the start-up cache is the user's");
    }
  }

  @Test
  void theImageRunsWithNoJavaAnywhereOnPath() throws Exception {
    assumeFalse(Boolean.getBoolean("flags2.image.skip"), "the build made no image (-Pdist)");
    Path archive = image();
    String name = archive.getFileName().toString().replace(".tar.gz", "");
    Path home = unpack(archive, name);
    assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
    assertTrue(Files.isRegularFile(home.resolve("lib/flags2.aot")), "cache trained at build time");

    assertDownloads(home, null);

    try (Stream<Path> created = Files.list(tmp.resolve("user home"))) {
      assertEquals(List.of(), created.toList(), "the image writes nothing to the user's home");
    }
  }

  /**
   * An https run loads ~1,000 classes (TLS, certificates, crypto) an http run does not; the cache
   * is trained over HTTPS so that they come from it. The JVM loads every class the cache holds at
   * start-up, so {@code -V} lists them.
   */
  @Test
  void theImagesStartUpCacheHoldsTheClassesAnHttpsRunNeeds() throws Exception {
    assumeFalse(Boolean.getBoolean("flags2.image.skip"), "the build made no image (-Pdist)");
    Path archive = image();
    Path home = unpack(archive, archive.getFileName().toString().replace(".tar.gz", ""));

    Result version =
        run(
            List.of(home.resolve("bin/flags2").toString(), "-V"),
            Map.of("PATH", toolsOnly(null).toString(), "JAVA_OPTS", "-Xlog:class+load:stdout"),
            tmp);

    assertEquals(0, version.status, version.err);
    for (String tlsClass :
        List.of("sun.security.ssl.SSLSocketImpl", "sun.security.ssl.CertificateVerify")) {
      assertTrue(
          version.out.contains(tlsClass + " source: shared objects file"),
          tlsClass + " is not in the start-up cache");
    }
  }

  @Test
  void theShippedManPagesRenderAndTheCompletionScriptLoads() throws Exception {
    Path home = unpack(TARGET.resolve("flags2-" + VERSION + ".tar.gz"), "flags2-" + VERSION);

    Result man =
        run(List.of("man", "-l", home.resolve("man/man1/flags2.1").toString()), Map.of(), tmp);
    assertEquals(0, man.status, man.err);
    assertTrue(man.out.contains("--max-req"), man.out);

    Result bash =
        run(
            List.of(
                "bash",
                "--norc",
                "-c",
                "source \"$1\" && complete -p flags2",
                "bash",
                home.resolve("completion/flags2.bash").toString()),
            Map.of(),
            tmp);
    assertEquals(0, bash.status, bash.err);
    assertTrue(bash.out.startsWith("complete "), bash.out);

    for (String licence : List.of("OkHttp", "Kotlin", "Okio", "progressbar", "JLine")) {
      assertTrue(
          Files.readString(home.resolve("THIRD-PARTY.txt"))
              .toLowerCase()
              .contains(licence.toLowerCase()),
          licence + " missing from THIRD-PARTY.txt");
    }
    assertTrue(Files.readString(home.resolve("licenses/README.txt")).contains("picocli"));
  }

  /** Runs {@code bin/flags2 -s URL a b c} from another folder, as README's first command does. */
  private void assertDownloads(Path home, Path javaDir) throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work dir"));
    Path userHome = Files.createDirectories(tmp.resolve("user home"));
    Map<String, String> env =
        Map.of("PATH", toolsOnly(javaDir).toString(), "HOME", userHome.toString());
    String url = servers.url(Site.LOCAL).toString();

    Result run =
        run(
            List.of(
                home.resolve("bin/flags2").toString(), "-s", url, "-d", "images", "a", "b", "c"),
            env,
            work);

    assertEquals(0, run.status, run.out + run.err);
    assertTrue(run.out.contains("43 flags downloaded.\n35 not found.\n"), run.out);
    try (Stream<Path> images = Files.list(work.resolve("images"))) {
      assertEquals(43, images.count());
    }
  }

  /** A PATH of the plain tools a launcher may use, and {@code java} only if {@code javaDir}. */
  private Path toolsOnly(Path javaDir) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("tools"));
    for (String tool :
        List.of(
            "bash",
            "env",
            "readlink",
            "cut",
            "stty",
            "sed",
            "grep",
            "mktemp",
            "seq",
            "sleep",
            "rm",
            "mkdir",
            "mv",
            "cat",
            "dirname",
            "uname",
            "tr")) {
      Path real = Path.of("/usr/bin", tool);
      if (Files.exists(real) && !Files.exists(bin.resolve(tool))) {
        Files.createSymbolicLink(bin.resolve(tool), real);
      }
    }
    Files.deleteIfExists(bin.resolve("java"));
    if (javaDir != null) {
      Files.createSymbolicLink(bin.resolve("java"), javaDir.resolve("java"));
    }
    return bin;
  }

  private Path unpack(Path archive, String topFolder) throws Exception {
    Path into = Files.createDirectories(tmp.resolve("install dir"));
    List<String> command =
        archive.toString().endsWith(".zip")
            ? List.of("unzip", "-q", archive.toString(), "-d", into.toString())
            : List.of("tar", "-xzf", archive.toString(), "-C", into.toString());
    Result unpacked = run(command, Map.of(), tmp);
    assertEquals(0, unpacked.status, unpacked.err);
    return into.resolve(topFolder);
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(dir::relativize).map(Path::toString).sorted().toList();
    }
  }

  private record Result(int status, String out, String err) {}

  /** Runs a command with exactly {@code env} (plus the PATH of this JVM when env has none). */
  private static Result run(List<String> command, Map<String, String> env, Path dir)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    if (!env.isEmpty()) {
      builder.environment().clear();
      builder.environment().putAll(env);
    }
    builder.environment().put("MANPAGER", "cat");
    builder.environment().put("MANWIDTH", "80");
    Path out = Files.createTempFile("install-it", ".out");
    Path err = Files.createTempFile("install-it", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in 180 s");
    }
    try {
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }
}
