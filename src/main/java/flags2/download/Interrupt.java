package flags2.download;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C as a run sees it. {@code flags2.Main} fires it from the SIGINT handler; a command
 * registers what the first Ctrl-C must do ({@link DownloadRun} cancels and lets its consumer
 * report; {@code serve} stops); tests fire it by hand. A second fire runs the {@code again} action
 * given at construction ({@code flags2.Main} halts the process there).
 *
 * <p>Registering, unregistering and the first fire exclude each other: once {@link
 * Registration#close} has returned, its action is not running and will not run.
 */
public final class Interrupt {
  private static final Runnable NOTHING = () -> {};

  private final AtomicInteger fired = new AtomicInteger();
  private final Runnable again;
  private Runnable action = NOTHING;

  public Interrupt(Runnable again) {
    this.again = again;
  }

  /** An interrupt nothing fires but a test. */
  public static Interrupt none() {
    return new Interrupt(NOTHING);
  }

  /** Undoes a registration. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Sets what the first fire does, and does it at once if Ctrl-C came before; returns a handle that
   * unregisters it.
   */
  public synchronized Registration onInterrupt(Runnable whenFired) {
    action = whenFired;
    if (fired.get() > 0) {
      whenFired.run();
    }
    return () -> {
      synchronized (this) {
        action = NOTHING;
      }
    };
  }

  /** One Ctrl-C. The second and later ones never wait for the first one's action. */
  public void fire() {
    if (fired.incrementAndGet() == 1) {
      synchronized (this) {
        action.run();
      }
    } else {
      again.run();
    }
  }
}
