package flags2.testing;

import flags2.cli.Cli;
import flags2.cli.Env;
import flags2.common.Site;
import flags2.download.Interrupt;
import flags2.report.Console;
import flags2.strategy.StrategyKind;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;

/** Runs the command in-process with captured streams, as a user would run it from a shell. */
public final class Flags2Runner {
  /**
   * What one run printed and returned; {@code screen} is stdout and stderr interleaved as a
   * terminal shows them, in the order they were written.
   */
  public record Run(int status, String out, String err, String screen) {
    public List<String> outLines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  private final Map<Site, HttpUrl> sites = new HashMap<>(Site.standard());
  private static final long CLOCK_START = 987_654_321_000_000L;
  private long elapsed = -1;
  private Interrupt interrupt = Interrupt.none();
  private boolean terminal;
  private final Map<String, String> environment = new HashMap<>();
  private int columns = 80;

  /** Ctrl-C for the runs: fire it to interrupt one. */
  public Flags2Runner interrupt(Interrupt interrupt) {
    this.interrupt = interrupt;
    return this;
  }

  /** Points a label at another URL: tests never rely on the standard ports being free. */
  public Flags2Runner site(Site site, HttpUrl url) {
    sites.put(site, url);
    return this;
  }

  /**
   * Sets an environment variable for the runs ({@code http_proxy}); none is set otherwise, whatever
   * the environment the tests run in.
   */
  public Flags2Runner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Runs as if stderr were a terminal {@code columns} wide: the progress bar is drawn. */
  public Flags2Runner terminal(int columns) {
    this.terminal = true;
    this.columns = columns;
    return this;
  }

  /**
   * A fake clock for golden elapsed times: its first reading (the run's start) is a large arbitrary
   * value, every later one {@code nanos} after it, however often the run reads it.
   */
  public Flags2Runner clockElapsing(long nanos) {
    elapsed = nanos;
    return this;
  }

  private static LongSupplier elapsingClock(long nanos) {
    AtomicBoolean read = new AtomicBoolean();
    return () -> read.getAndSet(true) ? CLOCK_START + nanos : CLOCK_START;
  }

  /** An environment variable for the runs; none is set unless a test sets it. */
  public Flags2Runner environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * The arguments of a download from {@code base} into {@code dest} with {@code strategy}, then
   * {@code more}: what most tests run. The list may be added to.
   */
  public static List<String> download(
      HttpUrl base, Path dest, StrategyKind strategy, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("-s", base.toString(), "-d", dest.toString(), "-t", strategy.cliName()));
    args.addAll(List.of(more));
    return args;
  }

  public Run run(String... args) {
    return run(List.of(args));
  }

  public Run run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(new Tee(out, screen), true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(new Tee(err, screen), true, StandardCharsets.UTF_8);
    Env env =
        new Env(
            new Console(outStream, errStream, terminal, columns),
            Map.copyOf(sites),
            elapsed < 0 ? System::nanoTime : elapsingClock(elapsed),
            interrupt,
            Map.copyOf(environment));
    int status = Cli.run(new ArrayList<>(args).toArray(String[]::new), env);
    return new Run(
        status,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        screen.toString(StandardCharsets.UTF_8));
  }

  /** Writes to its own buffer and, in the same order across streams, to the shared screen. */
  private static final class Tee extends OutputStream {
    private final ByteArrayOutputStream own;
    private final ByteArrayOutputStream screen;

    Tee(ByteArrayOutputStream own, ByteArrayOutputStream screen) {
      this.own = own;
      this.screen = screen;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (screen) {
        own.write(b, off, len);
        screen.write(b, off, len);
      }
    }
  }
}
