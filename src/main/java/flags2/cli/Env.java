package flags2.cli;

import flags2.common.Site;
import flags2.download.Interrupt;
import flags2.report.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;

/**
 * What the commands take from their surroundings, injected so tests can capture output, move the
 * sites, fake the clock, fire Ctrl-C and set environment variables.
 *
 * @param console stdout, stderr and whether stderr is a terminal
 * @param sites the URLs of the labelled sites
 * @param nanoTime the clock for elapsed time
 * @param interrupt Ctrl-C
 * @param environment the environment variables ({@code SSL_CERT_FILE}); none in tests unless set
 */
public record Env(
    Console console,
    Map<Site, HttpUrl> sites,
    LongSupplier nanoTime,
    Interrupt interrupt,
    Map<String, String> environment) {

  /** No environment variables at all: what tests run with unless they set some. */
  public Env(
      Console console, Map<Site, HttpUrl> sites, LongSupplier nanoTime, Interrupt interrupt) {
    this(console, sites, nanoTime, interrupt, Map.of());
  }

  /**
   * The real process: System streams and the standard sites. The launcher tells whether stderr is a
   * terminal ({@code -Dflags2.stderr.tty}) and its width; without it, Linux's /proc answers.
   */
  public static Env system(Interrupt interrupt) {
    String tty = System.getProperty("flags2.stderr.tty");
    boolean terminal = tty != null ? Boolean.parseBoolean(tty) : stderrIsTerminal();
    int columns = Integer.getInteger("flags2.columns", 80);
    return new Env(
        new Console(PipeWatch.stdout(interrupt, System.err), System.err, terminal, columns),
        Site.standard(),
        System::nanoTime,
        interrupt,
        System.getenv());
  }

  PrintStream out() {
    return console.out();
  }

  PrintStream err() {
    return console.err();
  }

  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }
}
