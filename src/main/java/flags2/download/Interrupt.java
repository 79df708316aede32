package flags2.download;

import flags2.report.ExitStatus;
import flags2.strategy.Shutdown;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A signal that stops the process, as a run sees it: Ctrl-C (SIGINT), SIGTERM or SIGHUP. {@code
 * flags2.Main} fires it from the signal handlers; a command registers what the first signal must do
 * ({@link DownloadRun} cancels and lets its consumer report; {@code serve} stops); tests fire it by
 * hand. The command then ends with {@link #status()}, that first signal's exit status. A second
 * signal runs the {@code again} action given at construction with its own status ({@code
 * flags2.Main} halts the process there), unless it is the first one delivered again: the same
 * signal within {@link #SAME_SIGNAL} of it. GNU {@code timeout} sends its signal to the command and
 * then to the command's process group, so a command it stops often gets it twice, microseconds
 * apart, and must still report. It also says how long the run it stops may wait for its workers
 * ({@link #shutdown()}), so that tests can make that wait as long as they need.
 *
 * <p>Registering, unregistering and the first fire exclude each other: once {@link
 * Registration#close} has returned, its action is not running and will not run.
 */
public final class Interrupt {
  private static final Runnable NOTHING = () -> {};

  /**
   * How close the same signal must follow the first to be taken as that one delivered twice, not as
   * a second signal. A person pressing Ctrl-C twice this fast gets the stop the first asked for,
   * which ends within its grace anyway.
   */
  static final Duration SAME_SIGNAL = Duration.ofMillis(500);

  /** The first signal and when it came, on {@link #nanoTime}. */
  private record Fired(ExitStatus status, long at) {}

  private final AtomicReference<Fired> first = new AtomicReference<>();
  private final Set<Runnable> lastWords = ConcurrentHashMap.newKeySet();
  private final Consumer<ExitStatus> again;
  private final Shutdown shutdown;
  private final LongSupplier nanoTime;
  private Runnable action = NOTHING;

  /** {@code again} gets the status of the second and any later signal. */
  public Interrupt(Consumer<ExitStatus> again) {
    this(again, Shutdown.STANDARD);
  }

  /**
   * As {@link #Interrupt(Consumer)}, for runs that wait for their workers as {@code shutdown} says.
   */
  public Interrupt(Consumer<ExitStatus> again, Shutdown shutdown) {
    this(again, shutdown, System::nanoTime);
  }

  /** As {@link #Interrupt(Consumer, Shutdown)}, telling signals apart on {@code nanoTime}. */
  public Interrupt(Consumer<ExitStatus> again, Shutdown shutdown, LongSupplier nanoTime) {
    this.again = again;
    this.shutdown = shutdown;
    this.nanoTime = nanoTime;
  }

  /** An interrupt nothing fires but a test. */
  public static Interrupt none() {
    return new Interrupt(status -> {});
  }

  /** How long a run this interrupt stops waits for its workers, each time it waits. */
  public Shutdown shutdown() {
    return shutdown;
  }

  /** Undoes a registration. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Sets what the first signal does, and does it at once if that signal came before; returns a
   * handle that unregisters it.
   */
  public synchronized Registration onInterrupt(Runnable whenFired) {
    action = whenFired;
    if (first.get() != null) {
      whenFired.run();
    }
    return () -> {
      synchronized (this) {
        action = NOTHING;
      }
    };
  }

  /**
   * Sets what must happen even when a second signal ends the process at once (removing partial
   * files): run on the signal's thread just before {@code again}, without waiting for anything.
   */
  public Registration beforeHalt(Runnable cleanup) {
    lastWords.add(cleanup);
    return () -> lastWords.remove(cleanup);
  }

  /** One Ctrl-C. */
  public void fire() {
    fire(ExitStatus.INTERRUPTED);
  }

  /**
   * One signal, known by the status it ends the process with. The second and later ones never wait
   * for the first one's action; the first signal delivered again does nothing.
   */
  public void fire(ExitStatus signal) {
    long now = nanoTime.getAsLong();
    if (first.compareAndSet(null, new Fired(signal, now))) {
      runAction();
      return;
    }
    Fired fired = first.get();
    if (fired.status() == signal && now - fired.at() < SAME_SIGNAL.toNanos()) {
      return;
    }
    for (Runnable cleanup : lastWords) {
      try {
        cleanup.run();
      } catch (RuntimeException e) {
        // the process is ending; the next cleanup still runs
      }
    }
    again.accept(signal);
  }

  /**
   * As {@link #fire(ExitStatus)}, but only as the first: a stop that comes after a signal (stdout
   * closed as the run reports) never halts the process the way a second signal does.
   */
  public void fireIfFirst(ExitStatus stop) {
    if (first.compareAndSet(null, new Fired(stop, nanoTime.getAsLong()))) {
      runAction();
    }
  }

  private synchronized void runAction() {
    action.run();
  }

  /** The exit status of the first signal; {@link ExitStatus#INTERRUPTED} before any. */
  public ExitStatus status() {
    Fired fired = first.get();
    return fired == null ? ExitStatus.INTERRUPTED : fired.status();
  }
}
