package flags2.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the requests of one run from any thread, without a lock: each ending request adds one
 * small record to a lock-free queue, and nothing else happens until the run is over. {@link #OFF}
 * drops everything, so a run without {@code --timeline} pays one branch per request.
 */
public final class Recorder {
  /** Records nothing. */
  public static final Recorder OFF = new Recorder(false);

  private final boolean on;
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

  private Recorder(boolean on) {
    this.on = on;
  }

  /** A recorder that keeps what it is given. */
  public static Recorder on() {
    return new Recorder(true);
  }

  /** Whether requests are kept: when false, callers may skip the work of describing one. */
  public boolean isOn() {
    return on;
  }

  public void record(Request request) {
    if (on) {
      requests.add(request);
    }
  }

  /** The requests recorded so far, in no particular order. */
  public List<Request> requests() {
    return new ArrayList<>(requests);
  }
}
