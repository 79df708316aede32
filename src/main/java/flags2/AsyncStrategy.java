package flags2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * {@link CompletableFuture}s over OkHttp's {@code enqueue}: no thread per request of its own; the
 * client's Dispatcher admits {@code limit} calls at a time (see {@link HttpClients}). Each callback
 * reads and saves the whole body before it returns, so the Dispatcher's count of running calls is
 * honest, and every path completes its future. A retry is enqueued again after its backoff, out of
 * the Dispatcher meanwhile. Cancelling a future cancels its current call.
 */
final class AsyncStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Downloader downloader, int limit, Consumer<Result> sink)
      throws InterruptedException {
    BlockingQueue<Result> completed = new LinkedBlockingQueue<>();
    List<CompletableFuture<Result>> futures = new ArrayList<>(codes.size());
    for (String code : codes) {
      CompletableFuture<Result> future = fetch(downloader, code);
      future.thenAccept(completed::add);
      futures.add(future);
    }
    try {
      for (int i = 0; i < codes.size(); i++) {
        sink.accept(completed.take());
      }
    } catch (InterruptedException e) {
      // Cancel the calls, not the futures: every callback still completes its future, so an image
      // saved meanwhile is counted. Futures still open after the grace period are abandoned.
      downloader.cancelAll();
      try {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
            .get(HttpClients.GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException | InterruptedException stillOpen) {
        futures.forEach(future -> future.cancel(true));
      }
      completed.forEach(sink);
      throw e;
    }
  }

  /** Downloads {@code code} with enqueued calls; the future always completes with a result. */
  static CompletableFuture<Result> fetch(Downloader downloader, String code) {
    long start = System.nanoTime();
    AtomicReference<Call> current = new AtomicReference<>();
    CompletableFuture<Result> future = new CompletableFuture<>();
    future.whenComplete(
        (result, failure) -> {
          Call call = current.get();
          if (future.isCancelled() && call != null) {
            call.cancel();
          }
        });
    attempt(downloader, code, 0, start, current, future);
    return future;
  }

  private static void attempt(
      Downloader downloader, String code, int attempt, long start, AtomicReference<Call> current, CompletableFuture<Result> future) {
    Call call = downloader.newCall(code);
    current.set(call);
    if (future.isCancelled()) {
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            next(downloader.failure(code, e, start));
          }

          @Override
          public void onResponse(Call call, Response response) {
            Downloader.Attempt outcome;
            try (response) {
              outcome = downloader.outcome(code, response, start);
            } catch (RuntimeException e) {
              outcome = Downloader.Attempt.done(downloader.unexpected(code, e, start));
            }
            next(outcome);
          }

          private void next(Downloader.Attempt outcome) {
            downloader
                .retryDelay(attempt, outcome)
                .ifPresentOrElse(
                    wait ->
                        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                            .execute(() -> attempt(downloader, code, attempt + 1, start, current, future)),
                    () -> future.complete(outcome.result()));
          }
        });
  }
}
