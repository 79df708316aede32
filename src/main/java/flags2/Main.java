package flags2;

import flags2.cli.Cli;
import flags2.cli.Env;
import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import java.util.Map;
import sun.misc.Signal;

/** The process entry point: the only place that ends the process. */
public final class Main {
  /** The signals that stop a run, and the status each ends it with. */
  private static final Map<String, ExitStatus> STOP_SIGNALS =
      Map.of(
          "INT", ExitStatus.INTERRUPTED,
          "TERM", ExitStatus.TERMINATED,
          "HUP", ExitStatus.HUNG_UP);

  private Main() {}

  public static void main(String[] args) {
    Interrupt interrupt = new Interrupt(again -> Runtime.getRuntime().halt(again.code));
    STOP_SIGNALS.forEach(
        (name, status) -> {
          try {
            Signal.handle(new Signal(name), signal -> interrupt.fire(status));
          } catch (IllegalArgumentException ignoredByTheParent) {
            // started with the signal ignored (nohup, a background job): it stays ignored
          }
        });
    System.exit(Cli.run(args, Env.system(interrupt)));
  }
}
