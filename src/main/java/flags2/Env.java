package flags2;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;

/**
 * What a run takes from its surroundings, injected so tests can capture output and move the sites.
 *
 * @param errIsTerminal whether stderr is a terminal (decides the progress bar)
 * @param columns terminal width for the progress bar
 * @param sites the URLs of the labelled sites
 * @param nanoTime the clock for elapsed time
 * @param interrupt Ctrl-C
 */
public record Env(
    PrintStream out,
    PrintStream err,
    boolean errIsTerminal,
    int columns,
    Map<Site, HttpUrl> sites,
    LongSupplier nanoTime,
    Interrupt interrupt) {

  /**
   * The real process: System streams and the standard sites. The launcher tells whether stderr is a
   * terminal ({@code -Dflags2.stderr.tty}); without it, Linux's /proc answers.
   */
  public static Env system(Interrupt interrupt) {
    String tty = System.getProperty("flags2.stderr.tty");
    boolean terminal = tty != null ? Boolean.parseBoolean(tty) : stderrIsTerminal();
    int columns = Integer.getInteger("flags2.columns", 80);
    return new Env(System.out, System.err, terminal, columns, Site.standard(), System::nanoTime, interrupt);
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
