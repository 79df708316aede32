package flags2.download;

import okhttp3.Call;

/**
 * The call in flight for one callback download (its image, then its metadata), so that cancelling
 * the download's future cancels whichever call is running, and no later one starts.
 */
final class InFlight {
  private Call call;
  private boolean cancelled;

  /** Records {@code next} as the call in flight; false if the download was cancelled already. */
  synchronized boolean start(Call next) {
    call = next;
    return !cancelled;
  }

  synchronized void cancel() {
    cancelled = true;
    if (call != null) {
      call.cancel();
    }
  }
}
