package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command as a subprocess, against {@code flags2 serve} in another process. */
class EndToEndIT {
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final String JAR = System.getProperty("flags2.jar", "target/flags2.jar");
  private static Process serve;
  private static final Map<String, String> urls = new HashMap<>();

  @TempDir Path dest;

  record Outcome(int status, String out, String err) {}

  @BeforeAll
  static void startServers() throws Exception {
    serve = new ProcessBuilder(JAVA, "-jar", JAR, "serve", "--ports", "0,0,0", "--delay", "0.05")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < 3; i++) {
                  String[] parts = reader.readLine().split(" ready: ");
                  urls.put(parts[0], parts[1]);
                }
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            })
        .get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopServers() throws InterruptedException {
    serve.destroy();
    serve.waitFor(10, TimeUnit.SECONDS);
  }

  private static Outcome flags2(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "flags2 did not finish: " + command);
    return new Outcome(process.exitValue(), out.get(), err.get());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  @Test
  void downloadsTheBooksCountsFromTheDelayServer() throws Exception {
    Outcome run = flags2("-s", urls.get("DELAY"), "-d", dest.toString(), "a", "b", "c");

    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        List.of(
            "URL site: " + urls.get("DELAY"),
            "Searching for 78 flags: from AA to CZ",
            "30 concurrent connections will be used.",
            "--------------------",
            "43 flags downloaded.",
            "35 not found."),
        lines.subList(0, 6));
    assertTrue(lines.get(6).matches("Elapsed time: \\d+\\.\\d\\ds"), lines.get(6));
    try (var files = Files.list(dest)) {
      assertEquals(43, files.filter(p -> p.toString().endsWith(".gif")).count());
    }
  }

  @Test
  void theErrorServerGivesTheSameCountsEveryRunAndExitsOne() throws Exception {
    Outcome first = flags2("-s", urls.get("ERROR"), "-d", dest.toString(), "-a", "-v");
    Outcome second = flags2("-s", urls.get("ERROR"), "-d", dest.toString(), "-a", "-v");

    assertEquals(1, first.status());
    assertTrue(first.out().contains("*** Error for "), first.out());
    assertTrue(first.out().contains(": HTTP error 418 - I'm a Teapot"), first.out());
    assertEquals(counts(first.out()), counts(second.out()));
  }

  private static List<String> counts(String out) {
    return out.lines().filter(l -> l.matches("\\d+ (flags? downloaded|not found|errors?)\\.")).toList();
  }

  @Test
  void aUsageErrorExitsTwoWithOneLineAndUsage() throws Exception {
    Outcome run = flags2("-d", dest.resolve("new").toString(), "xyz");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals(
        List.of("*** Usage error: each CC argument must be A to Z or AA to ZZ.", "Usage: flags2 [OPTIONS] [CC...]  (try 'flags2 --help')"),
        run.err().lines().toList());
    assertTrue(Files.notExists(dest.resolve("new")));
  }
}
