package flags2.cli;

import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import java.util.Map;

/**
 * The signals that stop a run, INT, TERM and HUP, each wired to fire the run's {@link Interrupt}
 * with the status it ends the process with. A signal the process was started with ignored (under
 * {@code nohup}, as a background job) stays ignored: the JDK refuses to handle it, and that refusal
 * is not an error.
 */
public final class StopSignals {
  /** The signals and the status each ends a run with. */
  private static final Map<String, ExitStatus> STATUS =
      Map.of(
          "INT", ExitStatus.INTERRUPTED,
          "TERM", ExitStatus.TERMINATED,
          "HUP", ExitStatus.HUNG_UP);

  /** How a signal gets its handler: {@code sun.misc.Signal} in the process, a map in tests. */
  @FunctionalInterface
  public interface Registrar {
    /**
     * Runs {@code action} each time {@code signal} (a name such as "INT") arrives.
     *
     * @throws IllegalArgumentException when the signal cannot be handled, as the JDK does for one
     *     the process was started with ignored
     */
    void handle(String signal, Runnable action);
  }

  private StopSignals() {}

  /** Registers each stop signal through {@code registrar} to fire {@code interrupt}. */
  public static void install(Interrupt interrupt, Registrar registrar) {
    STATUS.forEach(
        (name, status) -> {
          try {
            registrar.handle(name, () -> interrupt.fire(status));
          } catch (IllegalArgumentException ignoredByTheParent) {
            // it stays ignored
          }
        });
  }
}
