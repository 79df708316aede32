package flags2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * {@link CompletableFuture}s over OkHttp's {@code enqueue}: no thread per request of its own; the
 * client's Dispatcher admits {@code limit} calls at a time (see {@link HttpClients}). Each callback
 * reads and saves the whole body before it returns, so the Dispatcher's count of running calls is
 * honest, and every path completes its future. Cancelling a future cancels its call.
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
      futures.forEach(future -> future.cancel(true));
      throw e;
    }
  }

  /** Enqueues the call for {@code code}; the future always completes with a result. */
  static CompletableFuture<Result> fetch(Downloader downloader, String code) {
    long start = System.nanoTime();
    Call call = downloader.newCall(code);
    CompletableFuture<Result> future = new CompletableFuture<>();
    future.whenComplete(
        (result, failure) -> {
          if (future.isCancelled()) {
            call.cancel();
          }
        });
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            future.complete(downloader.failure(code, e, start));
          }

          @Override
          public void onResponse(Call call, Response response) {
            Result result;
            try (response) {
              result = downloader.outcome(code, response, start);
            } catch (RuntimeException e) {
              result = downloader.unexpected(code, e, start);
            }
            future.complete(result);
          }
        });
    return future;
  }
}
