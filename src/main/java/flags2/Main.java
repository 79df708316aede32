package flags2;

import flags2.cli.Cli;
import flags2.cli.Env;
import flags2.cli.StopSignals;
import flags2.download.Interrupt;
import sun.misc.Signal;

/**
 * The process entry point: the only place that ends the process. Wiring only, run by the tests that
 * start the jar ({@link StopSignals} decides which signal ends a run how), so the mutation profile
 * leaves it out.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Interrupt interrupt = new Interrupt(again -> Runtime.getRuntime().halt(again.code));
    StopSignals.install(
        interrupt, (name, action) -> Signal.handle(new Signal(name), signal -> action.run()));
    System.exit(Cli.run(args, Env.system(interrupt)));
  }
}
