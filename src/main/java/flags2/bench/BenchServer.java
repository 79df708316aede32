package flags2.bench;

import flags2.common.ReadyLine;
import flags2.common.Site;
import flags2.serve.Delay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;

/**
 * {@code flags2 serve} in a child process on free ports, for {@code flags2 bench}: the same java
 * and class path as this JVM. {@link #close()} stops it; a bench killed with SIGKILL never gets
 * there, so the child watches this process and stops itself when it ends.
 */
final class BenchServer implements AutoCloseable {
  private static final long READY_SECONDS = 30;

  /** The process entry point; named, not imported, as the bench may not depend on the root. */
  private static final String MAIN_CLASS = "flags2.Main";

  private final Process process;
  private final Path log;
  private final HttpUrl url;

  private BenchServer(Process process, Path log, HttpUrl url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /**
   * Starts the servers and waits until {@code site} is ready.
   *
   * @throws IOException if the process cannot start or does not say it is ready in 30 s; the
   *     message carries the last line the process wrote to stderr
   */
  static BenchServer start(Site site, Delay delay) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            MAIN_CLASS,
            "serve",
            "--ports=0,0,0",
            "--exit-with-parent", // a bench killed with SIGKILL does not leave it running
            "--delay=" + delay.min() + "-" + delay.max());
    // named for this process, so a leftover tells whose it was
    Path log =
        Files.createTempFile("flags2-bench-serve-" + ProcessHandle.current().pid() + "-", ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    // read to the end, not just to the line wanted: a reader that closed early would make the
    // server's next line a broken pipe, which stops it (exit 141)
    CompletableFuture<HttpUrl> url = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  Optional<ReadyLine> ready = ReadyLine.parse(line);
                  if (ready.isPresent() && ready.get().site() == site) {
                    url.complete(ready.get().url());
                  }
                }
              } catch (IOException e) {
                // the server is gone: reported below with what it said
              } finally {
                url.complete(null);
              }
            });
    try {
      HttpUrl found = url.get(READY_SECONDS, TimeUnit.SECONDS);
      if (found != null) {
        return new BenchServer(process, log, found);
      }
    } catch (ExecutionException | TimeoutException e) {
      // reported below with what the server said
    } catch (InterruptedException e) {
      new BenchServer(process, log, null).close();
      throw e;
    }
    List<String> said = Files.readAllLines(log);
    new BenchServer(process, log, null).close();
    throw new IOException(
        "'flags2 serve' did not start" + (said.isEmpty() ? "" : ": " + said.getLast()));
  }

  HttpUrl url() {
    return url;
  }

  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and removes its log. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a stray temporary file is not worth failing the bench for
    }
  }
}
