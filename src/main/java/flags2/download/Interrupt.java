package flags2.download;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C as a run sees it. {@code flags2.Main} fires it from the SIGINT handler; a command
 * registers what the first Ctrl-C must do ({@link DownloadRun} cancels and lets its consumer
 * report; {@code serve} stops); tests fire it by hand. A second fire runs the {@code again} action
 * given at construction ({@code flags2.Main} halts the process there).
 */
public final class Interrupt {
  private final AtomicReference<Runnable> action = new AtomicReference<>(() -> {});
  private final AtomicInteger fired = new AtomicInteger();
  private final Runnable again;

  public Interrupt(Runnable again) {
    this.again = again;
  }

  /** An interrupt nothing fires but a test. */
  public static Interrupt none() {
    return new Interrupt(() -> {});
  }

  /** Undoes a registration. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Sets what the first fire does; returns a handle that unregisters it. */
  public Registration onInterrupt(Runnable whenFired) {
    action.set(whenFired);
    if (fired.get() > 0) {
      whenFired.run(); // Ctrl-C came before the run registered: act on it now
    }
    return () -> action.set(() -> {});
  }

  /** One Ctrl-C. */
  public void fire() {
    if (fired.incrementAndGet() == 1) {
      action.get().run();
    } else {
      again.run();
    }
  }
}
