package flags2;

import flags2.cli.Cli;
import flags2.cli.Env;
import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import sun.misc.Signal;

/** The process entry point: the only place that ends the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Interrupt interrupt =
        new Interrupt(() -> Runtime.getRuntime().halt(ExitStatus.INTERRUPTED.code));
    Signal.handle(new Signal("INT"), signal -> interrupt.fire());
    System.exit(Cli.run(args, Env.system(interrupt)));
  }
}
